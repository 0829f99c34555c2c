// System messages: templates with delivery flags. One function emits them, so no call site
// decides by itself whether a text becomes a banner, a transcript bubble or both.
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { TemplateKey } from '../contracts/admin';
import type { Queryable } from '../db/client';
import { type ConversationRow, messageTemplates, systemMessageLog } from '../db/schema';
import { afterCommit } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { readCached } from '../settings/cache';
import { processSingleton } from '../singleton';
import { appendMessage } from './append-message';

export type { TemplateKey };

export interface Template {
  key: TemplateKey;
  text: string;
  notice: boolean;
  persist: boolean;
  telegram: boolean;
  pin: boolean;
  rateLimitSeconds: number;
}

const flags = (f: Partial<Omit<Template, 'key' | 'text'>>) => ({
  notice: false,
  persist: false,
  telegram: false,
  pin: false,
  rateLimitSeconds: 0,
  ...f,
});

export const DEFAULT_TEMPLATES: Record<TemplateKey, Omit<Template, 'key'>> = {
  welcome_message: {
    text: 'Hi there! Ask us anything, we usually reply within a few minutes.',
    ...flags({ notice: true }),
  },
  waiting_for_agent: {
    text: 'Thanks! An agent will be with you shortly.',
    ...flags({ notice: true, rateLimitSeconds: 300 }),
  },
  conversation_reopened: {
    text: 'The conversation was reopened.',
    ...flags({ persist: true, telegram: true }),
  },
  unclaimed_reminder_5m: {
    text: 'This conversation has been waiting for 5 minutes. Claim it to answer.',
    ...flags({ telegram: true }),
  },
  unclaimed_reminder_15m_pin: {
    text: 'Still unclaimed after 15 minutes: the customer is waiting.',
    ...flags({ telegram: true, pin: true }),
  },
  closed_history_note: {
    text: 'This conversation was closed. Write a message to reopen it.',
    ...flags({}),
  },
  offline_message: {
    text: 'We are offline right now. Leave a message and we will get back to you.',
    ...flags({ notice: true, rateLimitSeconds: 3600 }),
  },
  closing_message: {
    text: 'This conversation has been closed. Thanks for reaching out!',
    ...flags({ persist: true, telegram: true }),
  },
  auto_closed: {
    text: 'This conversation was closed after a period of inactivity. Reply here to reopen it.',
    ...flags({ persist: true, telegram: true }),
  },
  // Email (lib/email/compose.ts): {team}, {agent} and {codename} are filled in; the flags
  // do not apply.
  email_reply_subject: {
    text: 'New reply from {team}',
    ...flags({}),
  },
  email_reply: {
    text: 'You have a new reply in your conversation with {team}. Reply to this email or open the chat to continue.',
    ...flags({}),
  },
  email_transcript_subject: {
    text: 'Your conversation with {team}',
    ...flags({}),
  },
  email_transcript: {
    text: 'Here is the transcript of your conversation with {team}, as you asked.',
    ...flags({}),
  },
};

/**
 * The template for a locale: an exact match, then the language alone, then the fallback.
 * Read through the settings cache (lib/settings/cache.ts), which every change empties.
 */
export async function getTemplate(
  tx: Queryable,
  key: TemplateKey,
  locale?: string | null,
): Promise<Template> {
  const wanted = locale ? [locale, locale.split('-')[0]!, ''] : [''];
  const rows = await readCached(tx, `template:${key}:${locale ?? ''}`, () =>
    tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.key, key), inArray(messageTemplates.locale, wanted))),
  );
  const row = wanted.map((l) => rows.find((r) => r.locale === l)).find(Boolean);
  return row ? templateFromRow(key, row) : { key, ...DEFAULT_TEMPLATES[key] };
}

export function templateFromRow(
  key: TemplateKey,
  row: typeof messageTemplates.$inferSelect,
): Template {
  return {
    key,
    text: row.text,
    notice: row.notice,
    persist: row.persist,
    telegram: row.telegram,
    pin: row.pin,
    rateLimitSeconds: row.rateLimitSeconds,
  };
}

/**
 * When this process last saw each conversation's template go out (after the commit): until
 * its rate limit has passed the slot is surely taken, wherever it was taken since, so
 * asking the database can wait. Only a lower bound: the database decides every free slot.
 */
const recentlySent = () =>
  processSingleton('system-messages.recently-sent', () => new Map<string, number>());
const RECENTLY_SENT_MAX = 10_000;

/**
 * Whether the per-conversation rate limit lets `key` out now; records the emission if so.
 * One conditional upsert, so concurrent emitters cannot both pass.
 */
async function takeRateLimitSlot(
  tx: Queryable,
  conversationId: string,
  template: Template,
  now: Date,
): Promise<boolean> {
  if (template.rateLimitSeconds <= 0) return true;
  const windowMs = template.rateLimitSeconds * 1000;
  const memo = `${conversationId}:${template.key}`;
  const sentAt = recentlySent().get(memo);
  if (sentAt !== undefined && now.getTime() - sentAt < windowMs) return false;
  const since = new Date(now.getTime() - windowMs);
  const rows = await tx
    .insert(systemMessageLog)
    .values({ conversationId, key: template.key, lastSentAt: now })
    .onConflictDoUpdate({
      target: [systemMessageLog.conversationId, systemMessageLog.key],
      set: { lastSentAt: now },
      setWhere: lte(systemMessageLog.lastSentAt, since),
    })
    .returning({ key: systemMessageLog.key });
  if (rows.length === 0) return false;
  afterCommit(tx, () => {
    const sent = recentlySent();
    if (sent.size >= RECENTLY_SENT_MAX) sent.clear();
    sent.set(memo, now.getTime());
  });
  return true;
}

/**
 * Emits a system message through the channels its template names: a transcript bubble
 * (persist), a widget banner (notice), Telegram (telegram, pin). Returns the conversation
 * as it is afterwards; nothing happens while the template's rate limit holds it back.
 */
export async function emitSystemMessage(
  tx: Queryable,
  conversation: ConversationRow,
  key: TemplateKey,
  actor: Actor,
  now: Date = new Date(),
): Promise<ConversationRow> {
  const template = await getTemplate(tx, key, conversation.locale);
  if (!(await takeRateLimitSlot(tx, conversation.id, template, now))) return conversation;
  let current = conversation;
  let messageId: string | null = null;
  if (template.persist) {
    const appended = await appendMessage(
      tx,
      conversation,
      { author: 'system', text: template.text, templateKey: key },
      actor,
    );
    current = appended.conversation;
    messageId = appended.message.id;
  }
  if (template.notice || template.telegram || template.persist) {
    await recordEvent(tx, 'system_message.emitted', actor, conversation.id, {
      conversationId: conversation.id,
      key,
      text: template.text,
      notice: template.notice,
      telegram: template.telegram,
      pin: template.pin,
      messageId,
    });
  }
  return current;
}
