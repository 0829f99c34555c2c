// What a customer who writes from Telegram sees of their conversation: the events the
// widget would show (agents' replies and their edits and deletions, persisted system
// messages and banners) become posts in their private chat with the bot, through the same
// outbox as the topics. Events of a
// conversation without such a chat leave no rows here.
import { type SQL, sql } from 'drizzle-orm';
import type { DomainEvent, EventPayloads } from '../events/types';

export interface CustomerPost {
  text: string;
  attachmentIds: string[];
  /** The agent's message it carries, and the message that one quotes. */
  messageId?: string;
  replyToMessageId?: string;
}

/** An agent's reply as the customer reads it in Telegram, signed like the widget shows it. */
export const agentReplyLine = (agentName: string | undefined, text: string) =>
  text ? `${agentName ?? 'Agent'}: ${text}` : (agentName ?? 'Agent');

/** The posts an event makes in the customer's private chat, in order. */
export function customerPosts(event: DomainEvent): CustomerPost[] {
  switch (event.type) {
    case 'message.posted': {
      const { message } = event.payload as EventPayloads['message.posted'];
      // The customer's own lines are in their chat already; system messages come below.
      if (message.author !== 'agent') return [];
      return [
        {
          text: agentReplyLine(message.agentName, message.text),
          attachmentIds: message.attachments.map((file) => file.id),
          messageId: message.id,
          ...(message.replyTo ? { replyToMessageId: message.replyTo.id } : {}),
        },
      ];
    }
    case 'message.edited': {
      // The chat's copy stays as sent: the customer reads the new text below it.
      const { message } = event.payload as EventPayloads['message.edited'];
      if (message.author !== 'agent') return [];
      return [
        {
          text: `✏️ ${agentReplyLine(message.agentName, message.text)}`,
          attachmentIds: [],
        },
      ];
    }
    case 'message.deleted': {
      const { message } = event.payload as EventPayloads['message.deleted'];
      if (message.author !== 'agent') return [];
      return [
        { text: `🗑 ${message.agentName ?? 'The agent'} deleted a message.`, attachmentIds: [] },
      ];
    }
    case 'system_message.emitted': {
      // What the widget shows: a banner or a transcript bubble; agents' reminders stay out.
      const { text, notice, messageId } = event.payload as EventPayloads['system_message.emitted'];
      return (notice || messageId) && text ? [{ text, attachmentIds: [] }] : [];
    }
    default:
      return [];
  }
}

/**
 * The INSERT of an event's posts into the customer's private chat, or null when it makes
 * none. The chat is read from the conversation in the same statement; the lane is the
 * chat's, shared with the bot's answers to `/start`, so the customer reads them in order.
 */
export function customerOutboxInsert(event: DomainEvent): SQL | null {
  const posts = customerPosts(event);
  if (posts.length === 0 || !event.conversationId) return null;
  const rows = posts.map(
    (post, index) => sql`(
      ${post.text}::text, ${`e${event.id}:c${index}`}::text,
      ${post.messageId ?? null}::uuid, ${post.replyToMessageId ?? null}::uuid,
      ${
        post.attachmentIds.length
          ? sql`array[${sql.join(
              post.attachmentIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}]`
          : sql`'{}'`
      }::uuid[])`,
  );
  return sql`
    insert into telegram_outbox
      (lane, position, conversation_id, chat_id, kind, text, dedupe_key, message_id,
       reply_to_message_id, attachment_ids)
    select 'chat:' || c.customer_telegram_chat_id || ':0', ${event.id}::bigint, c.id,
           c.customer_telegram_chat_id, 'customer_post', post.text, post.dedupe_key,
           post.message_id, post.reply_to_message_id, post.attachment_ids
    from (values ${sql.join(rows, sql`, `)})
      as post (text, dedupe_key, message_id, reply_to_message_id, attachment_ids)
    cross join conversations c
    where c.id = ${event.conversationId}::uuid and c.customer_telegram_chat_id is not null
    on conflict (dedupe_key) do nothing`;
}
