// Turns domain events into Telegram outbox rows: what each change looks like in the
// conversation's topic, and, for a customer writing from Telegram, in their private chat
// (./customer-mirror.ts). A topic is asked for by the first customer message; events of a
// conversation without one leave no trace in the group.
import { sql } from 'drizzle-orm';
import type { Message } from '../contracts/dto';
import { db } from '../db/client';
import type { ChannelWrites } from '../events/channel';
import { commitWithAcknowledgement } from '../events/deliveries';
import type { DomainEvent, EventPayloads } from '../events/types';
import { customerOutboxInsert } from './customer-mirror';
import { customerLine, inboxReply, noteLine } from './format';
import { type OutboxItem, outboxInsert, wakeTelegramSender } from './outbox';

type Payload<T extends keyof EventPayloads> = EventPayloads[T];
type Loose = Record<string, unknown>;

const fromTelegram = (event: DomainEvent) => event.actor.startsWith('telegram:');

/** An agent's message as the topic shows it. */
function agentLine(message: Message): string {
  const agentName = message.agentName ?? 'Agent';
  return message.text ? inboxReply(agentName, message.text) : `${agentName} (inbox)`;
}

function itemsFor(event: DomainEvent, conversationId: string): Omit<OutboxItem, 'dedupeKey'>[] {
  const base = { conversationId };
  const payload = event.payload as Loose;
  switch (event.type) {
    case 'message.posted': {
      const { message, conversation } = payload as Payload<'message.posted'>;
      const attachmentIds = message.attachments.map((file) => file.id);
      const post = {
        ...base,
        kind: 'post' as const,
        messageId: message.id,
        replyToMessageId: message.replyTo?.id,
      };
      if (message.author === 'customer') {
        if (attachmentIds.length === 0 && !message.replyTo) {
          return [{ ...post, text: message.text, coalescible: true }];
        }
        // Files and replies go out on their own; queued texts never fold into them.
        const caption = [customerLine(conversation.name), message.text].filter(Boolean);
        return [{ ...post, text: caption.join('\n'), attachmentIds }];
      }
      // Written in the topic already; system messages arrive as their own event below.
      if (message.author === 'system' || fromTelegram(event)) return [];
      return [{ ...post, text: agentLine(message), attachmentIds }];
    }
    case 'message.edited': {
      // An edit made in the topic is there already.
      const { message } = payload as Payload<'message.edited'>;
      if (fromTelegram(event) || message.author !== 'agent') return [];
      return [{ ...base, kind: 'edit_post', messageId: message.id, text: agentLine(message) }];
    }
    case 'message.deleted': {
      const { message } = payload as Payload<'message.deleted'>;
      return [{ ...base, kind: 'delete_post', messageId: message.id }];
    }
    case 'note.added': {
      const { note } = payload as Payload<'note.added'>;
      const attachmentIds = note.attachments.map((file) => file.id);
      return [{ ...base, kind: 'post', text: noteLine(note.authorName, note.text), attachmentIds }];
    }
    case 'conversation.claimed': {
      const { conversation, previousAgentId } = payload as Payload<'conversation.claimed'>;
      const name = conversation.agent?.name ?? 'An agent';
      const verb = previousAgentId ? 'took over' : 'claimed';
      return [{ ...base, kind: 'post', text: `🙋 ${name} ${verb} this conversation.` }];
    }
    case 'conversation.blocked':
      return [
        { ...base, kind: 'post', text: '⛔ Blocked: the customer can no longer write.' },
        { ...base, kind: 'sync_topic' },
      ];
    case 'conversation.unblocked':
      return [
        { ...base, kind: 'post', text: 'Unblocked: the conversation is closed.' },
        { ...base, kind: 'sync_topic' },
      ];
    case 'conversation.closed':
    case 'conversation.reopened':
    case 'conversation.renamed':
      return [{ ...base, kind: 'sync_topic' }];
    case 'system_message.emitted': {
      // Templates say themselves whether they reach Telegram and are pinned there.
      const { telegram, pin, text } = payload as {
        telegram?: boolean;
        pin?: boolean;
        text?: string;
      };
      if (!telegram || !text) return [];
      return [{ ...base, kind: 'post', text: `ℹ️ ${text}`, pin: Boolean(pin) }];
    }
    default:
      return [];
  }
}

function outboxItems(event: DomainEvent): OutboxItem[] {
  if (event.type === 'conversation.purged') {
    const { telegramChatId, telegramThreadId } = event.payload as Loose;
    if (typeof telegramChatId !== 'number' || typeof telegramThreadId !== 'number') return [];
    return [{ kind: 'delete_topic', chatId: telegramChatId, threadId: telegramThreadId }];
  }
  return event.conversationId ? itemsFor(event, event.conversationId) : [];
}

/**
 * The event's outbox rows, to commit with the acknowledgement of its delivery: exactly
 * once, in one round trip, and at once, so the sender's check that earlier events of a
 * conversation reached the outbox does not wait for the dispatcher's whole batch. The
 * first customer message also asks for the topic (the sender creates it when it gets there).
 */
export function mirrorWrites(event: DomainEvent): ChannelWrites | null {
  const items = outboxItems(event).map((item, index) => ({
    ...item,
    dedupeKey: `e${event.id}:${index}`,
    position: event.id,
  }));
  const customer = customerOutboxInsert(event);
  if (items.length === 0) {
    return customer ? { statements: { customer }, afterCommit: wakeTelegramSender } : null;
  }
  const isCustomerMessage =
    event.type === 'message.posted' &&
    (event.payload as Payload<'message.posted'>).message.author === 'customer';
  const topic = isCustomerMessage
    ? sql`insert into telegram_topics (conversation_id)
          select id from conversations where id = ${event.conversationId}
          on conflict do nothing returning conversation_id`
    : sql`select null::uuid as conversation_id where false`;
  return {
    statements: {
      topic,
      added: outboxInsert(items, sql`exists (select 1 from topic)`),
      ...(customer ? { customer } : {}),
    },
    afterCommit: wakeTelegramSender,
  };
}

/** Mirrors one event and acknowledges its Telegram delivery, as the channel does. */
export function mirrorEvent(event: DomainEvent): Promise<void> {
  return commitWithAcknowledgement(db(), 'telegram', event.id, mirrorWrites(event));
}
