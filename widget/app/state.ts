// The widget's state: one immutable object the UI renders, replaced on every change, and
// the step of the visit it implies (choosing a department, the pre-chat form, the chat).
import type { FunctionComponent } from 'preact';
import type { CustomerConversation, Message, Notice, WidgetConfig } from '../../lib/contracts/dto';
import type { FileRef } from './files';
import type { FieldValues } from './new-conversation';
import type { Pending } from './outbox';

export interface Session {
  conversationId: string;
  token: string;
}

export interface ChatState {
  config: WidgetConfig | null;
  configFailed: boolean;
  open: boolean;
  session: Session | null;
  conversation: CustomerConversation | null;
  messages: Message[];
  pending: Pending[];
  closedNote: string | null;
  /** `down`: neither the socket nor HTTP reaches the server. */
  link: 'online' | 'down';
  offline: boolean;
  notices: Notice[];
  typing: string | null;
  departmentId: string | null;
  /** The pre-chat form's answers; null until the visitor submits it. */
  prechat: FieldValues | null;
  unread: number;
  sound: boolean;
  draft: string;
  /** The message the next one answers, chosen with "Reply". */
  replyTo: Message | null;
  /** Files picked for the next message. */
  tray: FileRef[];
  /** Why the last files picked were not added (too big, too many); empty when they were. */
  trayNote: string;
  /** How far each uploading file (by `FileRef.key`) has got, 0–1. */
  uploads: Record<string, number>;
  announcement: string;
  /** Views lazy modules put in the panel (see `Card`). */
  cards: Card[];
}

/**
 * A view a lazy module shows in the panel — at the end of the transcript (asking for an
 * email address, a rating) or under the header — until it takes it away.
 */
export interface Card {
  key: string;
  place: 'header' | 'transcript';
  View: FunctionComponent;
}

export type Step = 'loading' | 'unavailable' | 'departments' | 'form' | 'chat';

type Listener = () => void;

/** Holds the state and tells subscribers (the UI) about every change. */
export class Store {
  private readonly listeners = new Set<Listener>();

  constructor(public state: ChatState) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Where the visitor is: a conversation (or unsent messages) means the chat. */
export function currentStep(state: ChatState, identity: Record<string, unknown> | null): Step {
  const { session, config, pending, departmentId, prechat } = state;
  if (session || pending.length) return 'chat';
  if (!config) return state.configFailed ? 'unavailable' : 'loading';
  if (config.departments.length > 1 && !departmentId) return 'departments';
  // `Parley('identify')` data that answers every required field skips the form.
  const answered =
    !!identity && config.preChatFields.every((field) => !field.required || !!identity[field.id]);
  if (config.preChatFields.length && !prechat && !answered) return 'form';
  return 'chat';
}
