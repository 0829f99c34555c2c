// System messages: templates with delivery flags. One function emits them, so no call site
// decides by itself whether a text becomes a banner, a transcript bubble or both.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Queryable } from '../db/client';
import { type ConversationRow, messageTemplates } from '../db/schema';
import { recordEvent } from '../events/record-event';
import { appendMessage } from './append-message';

export const TEMPLATE_KEYS = [
  'welcome_message',
  'waiting_for_agent',
  'conversation_reopened',
  'unclaimed_reminder_5m',
  'unclaimed_reminder_15m_pin',
  'closed_history_note',
  'offline_message',
  'closing_message',
  'auto_closed',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

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
};

/** The template for a locale: an exact match, then the language alone, then the fallback. */
export async function getTemplate(
  tx: Queryable,
  key: TemplateKey,
  locale?: string | null,
): Promise<Template> {
  const wanted = locale ? [locale, locale.split('-')[0]!, ''] : [''];
  const rows = await tx
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.key, key), inArray(messageTemplates.locale, wanted)));
  const row = wanted.map((l) => rows.find((r) => r.locale === l)).find(Boolean);
  if (!row) return { key, ...DEFAULT_TEMPLATES[key] };
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

/** Emits a system message through the channels its template names. */
export async function emitSystemMessage(
  tx: Queryable,
  conversation: ConversationRow,
  key: TemplateKey,
  actor: Actor,
): Promise<ConversationRow> {
  const template = await getTemplate(tx, key, conversation.locale);
  let current = conversation;
  if (template.persist) {
    ({ conversation: current } = await appendMessage(
      tx,
      conversation,
      { author: 'system', text: template.text, templateKey: key },
      actor,
    ));
  }
  if (template.notice) {
    await recordEvent(tx, 'notice.sent', actor, conversation.id, {
      conversationId: conversation.id,
      notice: { key, text: template.text },
    });
  }
  return current;
}
