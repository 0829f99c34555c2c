// What the visitor wrote in a reply, without the quoted history under it: mail clients
// quote the email they answer ("On … wrote:", "> " lines, Outlook's separators), and
// Parley's own email marks where the history starts.
import { REPLY_ABOVE_LINE } from './compose';

const ATTRIBUTION = [
  /^On .+ wrote:$/i,
  /^(Am|Le|El|Il|Op) .+(schrieb|a écrit|escribió|ha scritto|geschreven)\s?.*:$/i,
  /^-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht)/i,
  /^_{10,}$/,
];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (trimmed.includes(REPLY_ABOVE_LINE)) break;
    if (trimmed.startsWith('>')) break;
    if (ATTRIBUTION.some((pattern) => pattern.test(trimmed))) break;
    // An attribution wrapped over two lines: "On Tue, 3 Dec 2026, Acme support" / "<…> wrote:".
    if (/^On\s/i.test(trimmed) && /wrote:$/i.test(next)) break;
    // Outlook's header block: "From: …" followed by "Sent:", "Date:", "To:" or "Subject:".
    if (/^From:\s/i.test(trimmed) && /^(Sent|Date|To|Subject):\s/i.test(next)) break;
    // The signature delimiter of RFC 3676.
    if (line === '-- ') break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
