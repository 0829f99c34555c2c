'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { CannedResponse, InboxConversation, SessionAgent } from '@/lib/contracts/agent';
// One conversation: who holds it (and the claim rule), its actions, the live transcript,
// who else is here, and the composer. On narrow screens its header also leads back to the
// list and to the customer's details.
import {
  ACTION_LABELS,
  type ConversationAction,
  canRun,
  isOpen,
} from '@/lib/contracts/conversation-state';
import type { Message, Note } from '@/lib/contracts/dto';
import { ERROR_STATUS } from '@/lib/contracts/errors';
import { ApiRequestError, apiFetch } from '../api';
import { Avatar } from '../avatar';
import { Alert, Button } from '../ui';
import { appendToTranscript, keys, markReadLocally, replaceInTranscript } from './cache';
import { Composer, type ComposerHandle, type ComposerMode } from './composer';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { displayName, STATUS_LABELS } from './format';
import type { MessageAction } from './message-bubble';
import { Transcript } from './transcript';
import type { AgentSocket, LiveState } from './use-agent-socket';
import { useUploadLimits } from './use-widget-config';

export type ConversationActionName = ConversationAction;

type Acked<T> = { ok: true } & T;

/** What a reply or note carries: its text (empty when files go alone) and uploaded files. */
interface Outgoing {
  conversationId: string;
  text: string;
  attachmentIds?: string[];
  replyToId?: string;
}

/** A change to a message already sent. */
interface MessageChange {
  conversationId: string;
  messageId: string;
  text?: string;
}

async function overSocket<T>(
  socket: AgentSocket,
  event: 'message:send' | 'note:add' | 'message:edit' | 'message:delete',
  payload: Outgoing | MessageChange,
): Promise<T> {
  // One helper for four events: each gets the payload the caller built for it.
  const typed = payload as Outgoing & MessageChange;
  const ack = (await socket.timeout(10_000).emitWithAck(event, typed)) as
    | Acked<T>
    | { ok: false; error: { code: keyof typeof ERROR_STATUS; message: string } };
  if (!ack.ok)
    throw new ApiRequestError(ERROR_STATUS[ack.error.code], ack.error.code, ack.error.message);
  return ack;
}

export function useConversation(conversationId: string | null) {
  return useQuery({
    queryKey: keys.conversation(conversationId ?? ''),
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ conversation: InboxConversation }>(`/conversations/${conversationId}`, {
          signal,
        })
      ).conversation,
    enabled: Boolean(conversationId),
  });
}

export function ConversationPane({
  conversationId,
  me,
  live,
  canned,
  composerRef,
  onAction,
  actionError,
  onBack,
  onShowCustomer,
}: {
  conversationId: string;
  me: SessionAgent;
  live: LiveState;
  canned: CannedResponse[];
  composerRef: RefObject<ComposerHandle | null>;
  onAction(action: ConversationActionName): void;
  actionError: string | null;
  /** Back to the list, where list and conversation share one column (phones). */
  onBack(): void;
  /** Opens the customer's details, where they have no column of their own. */
  onShowCustomer(): void;
}) {
  const client = useQueryClient();
  const { data: conversation, isError } = useConversation(conversationId);
  const [notice, setNotice] = useState<{ text: string; takeOver: boolean } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const uploadLimits = useUploadLimits();

  const markRead = useCallback(
    (seq: number) => {
      const current = client.getQueryData<InboxConversation>(keys.conversation(conversationId));
      if (!current || seq <= current.lastReadSeq || document.visibilityState !== 'visible') return;
      markReadLocally(client, conversationId, seq);
      void apiFetch(`/conversations/${conversationId}/read`, { method: 'POST', body: { seq } })
        .then(() => client.invalidateQueries({ queryKey: keys.counts }))
        .catch(() => undefined);
    },
    [client, conversationId],
  );

  // What arrived while the tab was hidden counts as read once the agent looks again.
  const latestSeen = useRef(0);
  const onLatestSeq = useCallback(
    (seq: number) => {
      latestSeen.current = seq;
      markRead(seq);
    },
    [markRead],
  );
  useEffect(() => {
    const onVisible = () => markRead(latestSeen.current);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [markRead]);

  const back = (
    <Button
      variant="ghost"
      className="md:hidden"
      onClick={onBack}
      aria-label="Back to conversations"
    >
      <span aria-hidden="true">←</span> Back
    </Button>
  );
  if (isError) {
    return (
      <div className="flex flex-col gap-2 p-3">
        <div>{back}</div>
        <Alert>Could not load this conversation.</Alert>
      </div>
    );
  }
  if (!conversation) {
    return (
      <div className="flex flex-col gap-2 p-3">
        <div>{back}</div>
        <p className="px-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      </div>
    );
  }

  const open = isOpen(conversation.status);
  const holder = conversation.assignee;
  const heldByOther = open && holder !== null && holder.id !== me.id;
  const viewers = (live.viewers[conversationId] ?? []).filter((v) => v.agentId !== me.id);
  const typingAgents = viewers.filter((v) => v.typing).map((v) => v.name);

  const send = async (
    text: string,
    mode: ComposerMode,
    attachmentIds: string[],
    replyToId?: string,
  ): Promise<boolean> => {
    const body = {
      text,
      ...(attachmentIds.length ? { attachmentIds } : {}),
      ...(replyToId && mode === 'reply' ? { replyToId } : {}),
    };
    const outgoing: Outgoing = { conversationId, ...body };
    try {
      if (mode === 'reply') {
        const { message } = live.socket?.connected
          ? await overSocket<{ message: Message }>(live.socket, 'message:send', outgoing)
          : await apiFetch<{ message: Message }>(`/conversations/${conversationId}/messages`, {
              method: 'POST',
              body,
            });
        appendToTranscript(client, conversationId, { message });
      } else {
        const { note } = live.socket?.connected
          ? await overSocket<{ note: Note }>(live.socket, 'note:add', outgoing)
          : await apiFetch<{ note: Note }>(`/conversations/${conversationId}/notes`, {
              method: 'POST',
              body,
            });
        appendToTranscript(client, conversationId, { note });
      }
      setNotice(null);
      return true;
    } catch (error) {
      const conflict = error instanceof ApiRequestError && error.code === 'conflict';
      setNotice({
        text: error instanceof Error ? error.message : 'Could not send',
        takeOver: conflict && mode === 'reply' && heldByOther,
      });
      return false;
    }
  };

  /** Edits (with `text`) or deletes one of the transcript's messages, over the socket when up. */
  const changeMessage = async (message: Message, text?: string): Promise<boolean> => {
    const change: MessageChange = { conversationId, messageId: message.id, text };
    const path = `/conversations/${conversationId}/messages/${message.id}`;
    try {
      const event = text === undefined ? 'message:delete' : 'message:edit';
      const { message: updated } = live.socket?.connected
        ? await overSocket<{ message: Message }>(live.socket, event, change)
        : await apiFetch<{ message: Message }>(path, {
            method: text === undefined ? 'DELETE' : 'PATCH',
            ...(text === undefined ? {} : { body: { text } }),
          });
      replaceInTranscript(client, updated);
      setNotice(null);
      return true;
    } catch (error) {
      setNotice({
        text: error instanceof Error ? error.message : 'Could not change the message',
        takeOver: false,
      });
      return false;
    }
  };

  const customerName = displayName(conversation);
  const onMessageAction = (action: MessageAction, message: Message) => {
    if (action === 'reply') {
      const author = message.author === 'customer' ? customerName : (message.agentName ?? 'Agent');
      composerRef.current?.quote(message, author);
    } else if (action === 'edit') {
      composerRef.current?.edit(message);
    } else {
      setConfirm({
        title: 'Delete this message?',
        description:
          message.author === 'agent' && message.agentId === me.id
            ? 'The customer will see “Message deleted” in its place, here and in Telegram.'
            : 'Its text and files are removed for everyone; “Message deleted” stays in its place.',
        confirmLabel: 'Delete',
        danger: true,
        onConfirm: () => void changeMessage(message),
      });
    }
  };

  return (
    <section
      aria-label={`Conversation with ${displayName(conversation)}`}
      className="flex h-full min-h-0 flex-col"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 md:px-4 md:py-3 dark:border-slate-800 dark:bg-slate-900">
        <div className="-ml-2 md:hidden">{back}</div>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-lg font-semibold">{displayName(conversation)}</h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {conversation.codename} · <span>{STATUS_LABELS[conversation.status]}</span>
          </p>
        </div>
        <Button className="lg:hidden" onClick={onShowCustomer}>
          Customer
        </Button>
        <div className="flex flex-wrap items-center gap-2 md:ml-auto">
          {open && !holder ? (
            <Button variant="primary" onClick={() => onAction('claim')}>
              Claim
            </Button>
          ) : null}
          {open && holder?.id === me.id ? (
            <span className="flex items-center gap-1.5 text-sm text-emerald-700 dark:text-emerald-400">
              <Avatar name={holder.name} url={holder.avatarUrl} size="xs" />
              Assigned to you
            </span>
          ) : null}
          {heldByOther ? (
            <>
              <span className="flex items-center gap-1.5 text-sm text-amber-800 dark:text-amber-300">
                <Avatar name={holder.name} url={holder.avatarUrl} size="xs" />
                Claimed by {holder.name} — take over?
              </span>
              <Button onClick={() => onAction('claim')}>Take over</Button>
            </>
          ) : null}
          {open ? (
            <Button onClick={() => onAction('close')}>{ACTION_LABELS.close.label}</Button>
          ) : null}
          {canRun('reopen', conversation.status) ? (
            <Button onClick={() => onAction('reopen')}>{ACTION_LABELS.reopen.label}</Button>
          ) : null}
          {canRun('unblock', conversation.status) ? (
            <Button onClick={() => onAction('unblock')}>{ACTION_LABELS.unblock.label}</Button>
          ) : (
            <Button variant="ghost" onClick={() => onAction('block')}>
              Block
            </Button>
          )}
        </div>
      </header>
      {actionError ? <Alert>{actionError}</Alert> : null}
      <Transcript
        conversationId={conversationId}
        customerName={displayName(conversation)}
        seenSeq={conversation.customerSeenSeq}
        viewer={{ agentId: me.id, isAdmin: me.role === 'admin' }}
        onLatestSeq={onLatestSeq}
        onAction={onMessageAction}
      />
      <div
        role="status"
        aria-live="polite"
        className="min-h-6 px-4 py-1 text-xs text-slate-600 dark:text-slate-400"
      >
        {live.customerTyping[conversationId] ? (
          <span>{displayName(conversation)} is typing… </span>
        ) : null}
        {typingAgents.length ? <span>{typingAgents.join(', ')} is typing… </span> : null}
        {viewers.length ? <span>Also here: {viewers.map((v) => v.name).join(', ')}</span> : null}
      </div>
      {notice ? (
        <div className="px-3 pb-2">
          <Alert>
            {notice.text}
            {notice.takeOver ? (
              <Button className="ml-3" onClick={() => onAction('claim')}>
                Take over
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <Composer
        ref={composerRef}
        conversationId={conversationId}
        uploadLimits={uploadLimits}
        disabled={conversation.status === 'blocked'}
        disabledReason="This conversation is blocked."
        canned={canned}
        onSend={send}
        onSaveEdit={changeMessage}
        onTyping={(typing) => live.socket?.emit('typing', { conversationId, typing })}
      />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
