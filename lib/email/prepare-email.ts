// Decides what one outbox row becomes right now: an email to send, a wait (the visitor still
// has the widget open, or the conversation had an email moments ago), or nothing at all (no
// address, unsubscribed, every reply already seen or emailed).
import { and, asc, eq, gt } from 'drizzle-orm';
import type { SendMailOptions } from 'nodemailer';
import type { Database } from '../db/client';
import { type ConversationRow, conversations, type EmailOutboxRow, messages } from '../db/schema';
import { env } from '../env';
import { isOriginAllowed } from '../http/cors';
import { getSettings } from '../settings/settings';
import { composeEmail } from './compose';
import type { EffectiveEmail, EmailConfig } from './config';
import { RESUME_FRAGMENT, replyAddressFor, signResumeToken, signUnsubscribeToken } from './links';
import { lastRepliesSentAt } from './outbox';
import { customerLastSeenAt } from './presence';
import { isSuppressed } from './suppressions';

export type PreparedEmail =
  | { action: 'skip'; throughSeq?: number }
  | { action: 'wait'; until: Date }
  | { action: 'send'; mail: SendMailOptions; throughSeq: number };

/** At most this many messages in one email of replies (the rest follow in the next). */
const MAX_REPLIES = 50;
const MAX_TRANSCRIPT = 2000;

/** The page the conversation came from, if it is a page of an allowed site. */
function sitePage(pageUrl: string | null): URL | null {
  if (!pageUrl) return null;
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return isOriginAllowed(url.origin) ? url : null;
  } catch {
    return null;
  }
}

/** A link that opens this conversation in the widget, on the page it came from. */
export async function chatLinkFor(conversation: ConversationRow): Promise<string> {
  const url = sitePage(conversation.pageUrl) ?? new URL(`${env().publicUrl}/chat`);
  url.hash = `${RESUME_FRAGMENT}=${await signResumeToken(conversation.id, conversation.tokenVersion)}`;
  return url.toString();
}

async function teamName(database: Database): Promise<string> {
  const widget = await getSettings(database, 'widget');
  return widget.teamName || widget.title;
}

async function mailFor(
  database: Database,
  kind: 'replies' | 'transcript',
  conversation: ConversationRow,
  rows: (typeof messages.$inferSelect)[],
  to: string,
  effective: EffectiveEmail,
  config: EmailConfig,
): Promise<SendMailOptions> {
  const unsubscribe = await signUnsubscribeToken(to, conversation.id);
  const base = env().publicUrl;
  const repliesArrive = Boolean(effective.inboundSecret);
  const composed = await composeEmail(database, {
    kind,
    conversation,
    messages: rows,
    team: await teamName(database),
    chatUrl: await chatLinkFor(conversation),
    unsubscribePageUrl: `${base}/unsubscribe?token=${unsubscribe}`,
    unsubscribePostUrl: `${base}/api/v1/email/unsubscribe?token=${unsubscribe}`,
    repliesArrive,
  });
  return {
    from: config.from,
    to,
    ...(repliesArrive ? { replyTo: replyAddressFor(config.replyTo, conversation.id) } : {}),
    subject: composed.subject,
    text: composed.text,
    html: composed.html,
    headers: composed.headers,
  };
}

export async function prepareEmail(
  database: Database,
  row: EmailOutboxRow,
  effective: EffectiveEmail,
  config: EmailConfig,
): Promise<PreparedEmail> {
  const [conversation] = await database
    .select()
    .from(conversations)
    .where(eq(conversations.id, row.conversationId));
  if (!conversation || conversation.status === 'blocked') return { action: 'skip' };

  if (row.kind === 'transcript') {
    const to = row.toAddress;
    if (!to || (await isSuppressed(database, to))) return { action: 'skip' };
    const transcript = await database
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(asc(messages.seq))
      .limit(MAX_TRANSCRIPT);
    const mail = await mailFor(
      database,
      'transcript',
      conversation,
      transcript,
      to,
      effective,
      config,
    );
    return { action: 'send', mail, throughSeq: conversation.lastSeq };
  }

  const to = conversation.customerEmail;
  if (!to || (await isSuppressed(database, to))) return { action: 'skip' };
  const now = Date.now();
  const { awaySeconds, minIntervalSeconds } = effective.timing;
  const seenAt = await customerLastSeenAt(database, conversation.id);
  if (seenAt && seenAt.getTime() + awaySeconds * 1000 > now) {
    return { action: 'wait', until: new Date(seenAt.getTime() + awaySeconds * 1000) };
  }
  const last = await lastRepliesSentAt(database, conversation.id);
  if (last.sentAt && last.sentAt.getTime() + minIntervalSeconds * 1000 > now) {
    return { action: 'wait', until: new Date(last.sentAt.getTime() + minIntervalSeconds * 1000) };
  }
  const from = Math.max(last.throughSeq, conversation.customerSeenSeq);
  const replies = await database
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversation.id),
        eq(messages.author, 'agent'),
        gt(messages.seq, from),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(MAX_REPLIES);
  if (replies.length === 0) return { action: 'skip', throughSeq: from };
  const mail = await mailFor(database, 'replies', conversation, replies, to, effective, config);
  return { action: 'send', mail, throughSeq: replies.at(-1)!.seq };
}
