// Turns replies or a transcript into an email: the subject and opening from the editable
// templates, the messages, the link back to the chat and the unsubscribe link, as plain text
// and as simple escaped HTML, with RFC 8058 one-click unsubscribe headers.
import type { TemplateKey } from '../contracts/admin';
import { getTemplate } from '../conversations/system-messages';
import type { Queryable } from '../db/client';
import type { ConversationRow, MessageRow } from '../db/schema';

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface EmailParts {
  kind: 'replies' | 'transcript';
  conversation: ConversationRow;
  messages: MessageRow[];
  team: string;
  /** Reopens the conversation in the widget. */
  chatUrl: string;
  /** The page with the unsubscribe button, and the one-click endpoint mail clients POST to. */
  unsubscribePageUrl: string;
  unsubscribePostUrl: string;
  /** Set when replies to this email reach the conversation. */
  repliesArrive: boolean;
}

/** Written above the history, so a reply's quoted part is cut off where it starts. */
export const REPLY_ABOVE_LINE = '-- Reply above this line to answer --';

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(team|agent|codename)\}/g, (_, name: string) => values[name] ?? '');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function authorOf(message: MessageRow, team: string): string {
  if (message.author === 'customer') return 'You';
  if (message.author === 'agent') return message.agentName ?? team;
  return team;
}

async function texts(tx: Queryable, kind: EmailParts['kind'], locale: string | null) {
  const [subject, opening] = await Promise.all(
    (kind === 'replies'
      ? (['email_reply_subject', 'email_reply'] as const)
      : (['email_transcript_subject', 'email_transcript'] as const)
    ).map((key: TemplateKey) => getTemplate(tx, key, locale)),
  );
  return { subject: subject!.text, opening: opening!.text };
}

export async function composeEmail(tx: Queryable, parts: EmailParts): Promise<ComposedEmail> {
  const { conversation, messages, team } = parts;
  const lastAgent = [...messages].reverse().find((m) => m.author === 'agent');
  const values = {
    team,
    agent: lastAgent?.agentName ?? team,
    codename: conversation.codename,
  };
  const template = await texts(tx, parts.kind, conversation.locale);
  const subject = fill(template.subject, values).replace(/\s+/g, ' ').trim().slice(0, 200);
  const opening = fill(template.opening, values);
  const when = (m: MessageRow) => m.createdAt.toISOString().slice(0, 16).replace('T', ' ');
  const body = messages.map((m) => ({
    who: authorOf(m, team),
    when: `${when(m)} UTC`,
    text: m.text || '(a file)',
  }));

  const text = [
    ...(parts.repliesArrive ? [REPLY_ABOVE_LINE, ''] : []),
    opening,
    '',
    ...body.flatMap((m) => [`${m.who} (${m.when}):`, m.text, '']),
    `Open the chat: ${parts.chatUrl}`,
    '',
    `Stop these emails: ${parts.unsubscribePageUrl}`,
  ].join('\n');

  const paragraph = (t: string) => escapeHtml(t).replace(/\n/g, '<br>');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px">
${parts.repliesArrive ? `<p style="color:#888;font-size:12px">${escapeHtml(REPLY_ABOVE_LINE)}</p>` : ''}
<p>${paragraph(opening)}</p>
${body
  .map(
    (m) =>
      `<div style="margin:12px 0;padding:8px 12px;border-left:3px solid #ccc"><div style="color:#555;font-size:13px"><strong>${escapeHtml(m.who)}</strong> · ${escapeHtml(m.when)}</div><div>${paragraph(m.text)}</div></div>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(parts.chatUrl)}">Open the chat</a></p>
<p style="color:#888;font-size:12px"><a href="${escapeHtml(parts.unsubscribePageUrl)}" style="color:#888">Stop these emails</a></p>
</body></html>`;

  return {
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${parts.unsubscribePostUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
