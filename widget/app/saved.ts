// What the widget keeps on the host page's origin between page views (widget/storage.ts
// decides where): the conversation, how far the visitor has read, the start answers, the
// draft and the sound preference. One place names each key and its shape.
import { onExternalChange, read, readRaw, write, writeRaw } from '../storage';
import type { FieldValues } from './new-conversation';
import { loadOutbox } from './outbox';
import type { ChatState, Session } from './state';

export interface SavedStart {
  departmentId: string | null;
  prechat: FieldValues | null;
}

export function savedSession(): Session | null {
  const session = read<Session>('session');
  return session?.token && session.conversationId ? session : null;
}

export function saveSession(session: Session | null): void {
  write('session', session);
}

/** Calls `listener` with the session another tab started or dropped. */
export function onSessionChangedElsewhere(listener: (session: Session | null) => void): void {
  onExternalChange('session', () => listener(read<Session>('session')));
}

/** The last `seq` the visitor saw in `conversationId` (0 when none, or another conversation). */
export function savedSeenSeq(conversationId: string | undefined): number {
  const seen = read<{ id: string; seq: number }>('seen');
  return seen && seen.id === conversationId ? seen.seq : 0;
}

export function saveSeenSeq(conversationId: string | null, seq = 0): void {
  write('seen', conversationId ? { id: conversationId, seq } : null);
}

export function savedStart(): SavedStart | null {
  return read<SavedStart>('prechat');
}

export function saveStart(start: SavedStart): void {
  write('prechat', start);
}

export function savedDraft(): string {
  return readRaw('draft') ?? '';
}

export function saveDraft(draft: string): void {
  writeRaw('draft', draft || null);
}

export function savedSound(): boolean {
  return readRaw('sound') !== '0';
}

export function saveSound(on: boolean): void {
  writeRaw('sound', on ? '1' : '0');
}

/** The launcher's look for the next page view, before the config arrives. */
export function saveLook(color: string, position: 'left' | 'right'): void {
  write('look', { color, position });
}

/** The state a page view starts from: what this visitor left on the last one. */
export function restoredState(): ChatState {
  const start = savedStart();
  return {
    config: null,
    configFailed: false,
    open: false,
    session: savedSession(),
    conversation: null,
    messages: [],
    pending: loadOutbox(),
    closedNote: null,
    link: 'online',
    offline: !navigator.onLine,
    notices: [],
    typing: null,
    departmentId: start?.departmentId ?? null,
    prechat: start?.prechat ?? null,
    unread: 0,
    sound: savedSound(),
    draft: savedDraft(),
    replyTo: null,
    tray: [],
    trayNote: '',
    uploads: {},
    announcement: '',
    cards: [],
  };
}
