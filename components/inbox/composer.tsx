'use client';
// The reply box: Enter sends, Shift+Enter adds a line, a private-note mode, canned
// responses picked with `/`, and files attached to replies and notes by button, paste or
// drop. Typing is announced to the customer only in reply mode.
import {
  type ClipboardEvent,
  forwardRef,
  type KeyboardEvent,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CannedResponse } from '@/lib/contracts/agent';
import type { AttachmentLimits, Message } from '@/lib/contracts/dto';
import { Button } from '../ui';
import { AttachButton, PendingFiles, useFileDrop } from './attachments/composer-files';
import { attachmentIdsOf, isReadyToSend } from './attachments/pending';
import { usePendingAttachments } from './attachments/use-pending-attachments';
import { type ComposerTarget, TargetBar } from './composer-target';

export type ComposerMode = 'reply' | 'note';

export interface ComposerHandle {
  /** Focuses the box and starts a canned-response search. */
  startCanned(): void;
  focus(): void;
  /** Starts a reply that quotes `message` (written by `author`). */
  quote(message: Message, author: string): void;
  /** Puts one's own message in the box to edit it; Esc gives the box back. */
  edit(message: Message): void;
}

interface ComposerProps {
  /** Where attached files are uploaded. */
  conversationId: string;
  uploadLimits: AttachmentLimits;
  disabled: boolean;
  disabledReason?: string;
  canned: CannedResponse[];
  onSend(
    text: string,
    mode: ComposerMode,
    attachmentIds: string[],
    replyToId?: string,
  ): Promise<boolean>;
  onSaveEdit(message: Message, text: string): Promise<boolean>;
  onTyping(typing: boolean): void;
}

const TYPING_IDLE_MS = 2500;

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { conversationId, uploadLimits, disabled, disabledReason, canned, onSend, onSaveEdit, onTyping },
  ref,
) {
  const [target, setTarget] = useState<ComposerTarget | null>(null);
  const editing = target?.kind === 'edit' ? target.message : null;
  const files = usePendingAttachments(conversationId, uploadLimits);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ComposerMode>('reply');
  const drop = useFileDrop(files.add, disabled);
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useImperativeHandle(ref, () => ({
    startCanned() {
      setText('/');
      setActive(0);
      box.current?.focus();
    },
    focus() {
      box.current?.focus();
    },
    quote(message, author) {
      if (editing) setText('');
      setTarget({ kind: 'quote', message, author });
      setMode('reply');
      box.current?.focus();
    },
    edit(message) {
      setTarget({ kind: 'edit', message });
      setMode('reply');
      setText(message.text);
      box.current?.focus();
    },
  }));

  const cancelTarget = () => {
    if (editing) setText('');
    setTarget(null);
    box.current?.focus();
  };

  const search = /^\/(\S*)$/.exec(text)?.[1];
  const matches = useMemo(
    () =>
      search === undefined
        ? []
        : canned
            .filter((c) => c.shortcut.toLowerCase().startsWith(search.toLowerCase()))
            .slice(0, 8),
    [search, canned],
  );
  const picking = search !== undefined && matches.length > 0;

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typing.current) {
      typing.current = false;
      onTyping(false);
    }
  };

  const change = (value: string) => {
    setText(value);
    setActive(0);
    // Correcting a message sent already is not typing a new one for the customer.
    if (mode !== 'reply' || editing || !value.trim()) {
      stopTyping();
      return;
    }
    if (!typing.current) {
      typing.current = true;
      onTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const insert = (response: CannedResponse) => {
    setText(response.text);
    box.current?.focus();
  };

  const attachmentIds = attachmentIdsOf(files.pending);
  const ready = isReadyToSend(files.pending);
  const canSend = editing
    ? !disabled && !sending && Boolean(text.trim() || editing.attachments.length)
    : !disabled && !sending && ready && Boolean(text.trim() || attachmentIds.length);

  const send = async () => {
    if (!canSend) return;
    setSending(true);
    stopTyping();
    const quoted = target?.kind === 'quote' && mode === 'reply' ? target.message.id : undefined;
    const done = editing
      ? await onSaveEdit(editing, text.trim())
      : await onSend(text.trim(), mode, attachmentIds, quoted);
    setSending(false);
    if (done) {
      setText('');
      setTarget(null);
      if (!editing) files.clear();
    }
    box.current?.focus();
  };

  // A pasted screenshot or copied file is attached; pasted text stays text.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (!pasted.length) return;
    if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
    files.add(pasted);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picking) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(matches[active] ?? matches[0]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setText('');
        return;
      }
    }
    if (event.key === 'Escape' && target) {
      event.preventDefault();
      cancelTarget();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const label = editing
    ? 'Edit your message'
    : mode === 'reply'
      ? 'Reply to the customer'
      : 'Private note';
  return (
    <div
      data-composer=""
      {...drop.handlers}
      className={`relative border-t p-3 ${mode === 'note' ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950' : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'}`}
    >
      {drop.over ? (
        <div className="pointer-events-none absolute inset-1 z-10 grid place-items-center rounded-md border-2 border-dashed border-indigo-400 bg-indigo-50/90 text-sm font-medium text-indigo-800 dark:border-indigo-500 dark:bg-indigo-950/90 dark:text-indigo-200">
          Drop files to attach them
        </div>
      ) : null}
      {picking ? (
        <div
          role="listbox"
          aria-label="Canned responses"
          className="absolute bottom-full left-3 mb-1 max-h-64 w-96 overflow-auto rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          {matches.map((response, index) => (
            <div
              key={response.id}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              onMouseDown={(event) => {
                event.preventDefault();
                insert(response);
              }}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
            >
              <span className="font-mono text-indigo-700 dark:text-indigo-300">
                /{response.shortcut}
              </span>{' '}
              <span className="text-slate-600 dark:text-slate-400">
                {response.text.slice(0, 80)}
              </span>
            </div>
          ))}
        </div>
      ) : null}
      {target ? <TargetBar target={target} onCancel={cancelTarget} /> : null}
      <fieldset className="mb-2 flex gap-1" disabled={Boolean(editing)}>
        <legend className="sr-only">Composer mode</legend>
        <Button
          variant={mode === 'reply' ? 'primary' : 'ghost'}
          aria-pressed={mode === 'reply'}
          onClick={() => setMode('reply')}
        >
          Reply
        </Button>
        <Button
          variant={mode === 'note' ? 'primary' : 'ghost'}
          aria-pressed={mode === 'note'}
          onClick={() => {
            stopTyping();
            setMode('note');
            // Notes quote nothing.
            if (target?.kind === 'quote') setTarget(null);
          }}
        >
          Private note
        </Button>
      </fieldset>
      <PendingFiles files={files} />
      <div className="flex items-end gap-2">
        <textarea
          ref={box}
          aria-label={label}
          value={text}
          disabled={disabled}
          rows={3}
          maxLength={4000}
          placeholder={
            disabled
              ? disabledReason
              : mode === 'reply'
                ? 'Write a reply… (Enter to send, Shift+Enter for a new line, / for canned responses)'
                : 'Write a note only agents can see…'
          }
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={stopTyping}
          className="min-h-[4.5rem] flex-1 resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:bg-slate-100 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:disabled:bg-slate-800"
        />
        <div className="flex flex-col items-center gap-1">
          <AttachButton
            limits={uploadLimits}
            disabled={disabled || Boolean(editing)}
            onFiles={files.add}
          />
          <Button
            variant="primary"
            onClick={() => void send()}
            disabled={!canSend}
            title={
              ready ? undefined : 'Wait for the files to upload, or remove the ones that failed'
            }
          >
            {editing ? 'Save' : mode === 'reply' ? 'Send' : 'Add note'}
          </Button>
        </div>
      </div>
    </div>
  );
});
