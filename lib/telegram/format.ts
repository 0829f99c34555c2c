// How conversations look in Telegram: topic titles, the header card, mirrored lines, and
// splitting texts to Telegram's 4096-character limit. Plain text only (no parse_mode), so
// nothing a customer types can become markup.
import type { ConversationStatus } from '../contracts/dto';

export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_TITLE_LENGTH = 128;

const STATUS_PREFIX: Partial<Record<ConversationStatus, string>> = {
  closed: '✅ ',
  blocked: '⛔ ',
};

export function topicTitle(conversation: {
  customerName: string | null;
  codename: string;
  status: ConversationStatus;
}): string {
  const prefix = STATUS_PREFIX[conversation.status] ?? '';
  const tail = ` — ${conversation.codename}`;
  const room = MAX_TITLE_LENGTH - prefix.length - tail.length;
  const name = (conversation.customerName?.trim() || 'Visitor').slice(0, Math.max(1, room));
  return `${prefix}${name}${tail}`.slice(0, MAX_TITLE_LENGTH);
}

export interface HeaderCardInput {
  codename: string;
  customerName: string | null;
  department: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  locale: string | null;
  fields: Record<string, unknown>;
  /** A verified identity (the site's signed token); without one the details are unverified. */
  identity?: { sub: string; email?: string; name?: string } | null;
  /** In a topic that replaces a vanished one: `recapNote` of the last messages. */
  recap?: string;
  /** The customer writes from a private chat with the bot, not the widget. */
  fromTelegram?: boolean;
}

export function headerCard(input: HeaderCardInput): string {
  const lines = [`🆕 ${input.codename}`, `Name: ${input.customerName ?? 'Visitor'}`];
  if (input.identity) {
    const { sub, email, name } = input.identity;
    lines.push(`✅ Verified: ${[name, email, `user ${sub}`].filter(Boolean).join(' · ')}`);
  } else {
    lines.push('⚠️ Unverified: the details are what the visitor typed or the page sent');
  }
  if (input.department) lines.push(`Department: ${input.department}`);
  if (input.fromTelegram) lines.push('Channel: Telegram (the customer writes to the bot)');
  if (input.pageUrl) {
    lines.push(`Page: ${input.pageTitle ? `${input.pageTitle} — ` : ''}${input.pageUrl}`);
  }
  if (input.locale) lines.push(`Language: ${input.locale}`);
  const fields = Object.entries(input.fields).filter(([, v]) => v !== null && v !== '');
  if (fields.length) {
    lines.push('', ...fields.map(([key, value]) => `${key}: ${String(value)}`));
  }
  lines.push('', 'Reply in this topic to answer. /help lists the commands.');
  if (input.recap) lines.push('', input.recap);
  return lines.join('\n').slice(0, MAX_MESSAGE_LENGTH);
}

/** How many earlier messages a recreated topic's header recalls. */
export const RECAP_MESSAGES = 5;
const RECAP_LINE_LENGTH = 300;

export interface RecapLine {
  author: 'customer' | 'agent';
  name: string | null;
  text: string;
}

/** The header's note in a topic that replaces a vanished one: the last few messages. */
export function recapNote(lines: RecapLine[]): string {
  const recalled = lines.map(({ author, name, text }) => {
    const who = author === 'customer' ? `👤 ${name ?? 'Visitor'}` : `💬 ${name ?? 'Agent'}`;
    const short = text.length > RECAP_LINE_LENGTH ? `${text.slice(0, RECAP_LINE_LENGTH)}…` : text;
    return `${who}: ${short}`;
  });
  return [
    '↪️ Continued from an earlier topic, which was deleted or archived.',
    ...(recalled.length ? ['The last messages:', ...recalled] : []),
  ].join('\n');
}

export const HEADER_ACTIONS = ['claim', 'close', 'block'] as const;
export type HeaderAction = (typeof HEADER_ACTIONS)[number];

export function headerButtons(conversationId: string) {
  return {
    inline_keyboard: [
      [
        { text: '🙋 Claim', callback_data: `claim:${conversationId}` },
        { text: '✅ Close', callback_data: `close:${conversationId}` },
        { text: '⛔ Block', callback_data: `block:${conversationId}` },
      ],
    ],
  };
}

export function parseButton(data: string): { action: HeaderAction; conversationId: string } | null {
  const match = /^(claim|close|block):([0-9a-f-]{36})$/.exec(data);
  if (!match) return null;
  return { action: match[1] as HeaderAction, conversationId: match[2]! };
}

/** The first line of a post of customer messages; the messages follow, one per line. */
export const customerLine = (name: string | null) => `👤 ${name?.trim() || 'Visitor'}:`;
export const inboxReply = (agentName: string, text: string) => `${agentName} (inbox): ${text}`;
export const noteLine = (authorName: string, text: string) =>
  text ? `📝 Note by ${authorName}: ${text}` : `📝 Note by ${authorName}`;
export const systemLine = (text: string) => `ℹ️ ${text}`;

/**
 * Splits a text into parts of at most `limit` characters, preferring line breaks, then
 * spaces, and never cutting a surrogate pair in two.
 */
export function splitText(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
