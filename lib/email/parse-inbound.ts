// Reads an inbound email as mail providers post it: raw MIME (`message/rfc822`, parsed with
// mailparser), JSON (a plain `{from, to, text}` shape, Postmark's fields, or `{raw}` with
// the MIME text), or a form (Mailgun's and SendGrid's inbound parse fields).
import { simpleParser } from 'mailparser';
import { AppError } from '../errors';

export interface InboundEmail {
  /** Every address it was sent to: the plus-addressed reply address is among them. */
  recipients: string[];
  from: string | null;
  text: string;
  messageId: string | null;
  /** An auto-reply or bounce (Auto-Submitted, a vacation notice): never a customer message. */
  automatic: boolean;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

const first = (...values: unknown[]) =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;

const isAutomatic = (autoSubmitted: string | null | undefined) =>
  Boolean(autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no');

async function fromMime(raw: string | Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const addresses = (field: typeof mail.to) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
      group.value.map((a) => a.address ?? '').filter(Boolean),
    );
  const delivered = strings(mail.headers.get('delivered-to') as string | undefined);
  const autoSubmitted = mail.headers.get('auto-submitted');
  return {
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...delivered],
    from: mail.from?.value[0]?.address ?? null,
    text: mail.text ?? '',
    messageId: mail.messageId ?? null,
    automatic: isAutomatic(typeof autoSubmitted === 'string' ? autoSubmitted : null),
  };
}

type Loose = Record<string, unknown>;

async function fromFields(body: Loose): Promise<InboundEmail> {
  const raw = first(body.raw, body.email);
  if (raw && /\r?\n\r?\n/.test(raw)) return fromMime(raw);
  const headers = Array.isArray(body.Headers)
    ? Object.fromEntries(
        (body.Headers as { Name?: string; Value?: string }[]).map((h) => [
          String(h.Name).toLowerCase(),
          String(h.Value),
        ]),
      )
    : {};
  return {
    recipients: [
      ...strings(body.OriginalRecipient),
      ...strings(body.recipient),
      ...strings(body.To ?? body.to),
      ...strings(body.Cc ?? body.cc),
    ],
    from: first(body.sender, body.From, body.from),
    // A provider's own quote stripping is used when it offers one; Parley strips it anyway.
    text:
      first(
        body.StrippedTextReply,
        body['stripped-text'],
        body.TextBody,
        body['body-plain'],
        body.text,
      ) ?? '',
    messageId: first(body.MessageID, body['Message-Id'], body.messageId),
    automatic: isAutomatic(first(headers['auto-submitted'], body['auto-submitted'])),
  };
}

/** The email in the request body, whichever of the supported shapes it has. */
export async function parseInboundEmail(contentType: string, body: Buffer): Promise<InboundEmail> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'message/rfc822' || type === 'text/plain') return await fromMime(body);
    if (type === 'application/json') {
      const parsed = JSON.parse(body.toString('utf8')) as unknown;
      if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
      return await fromFields(parsed as Loose);
    }
    if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
      const form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': contentType },
      }).formData();
      const fields: Loose = {};
      for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
      return await fromFields(fields);
    }
  } catch {
    throw new AppError('invalid_request', 'The body is not an email this endpoint can read');
  }
  throw new AppError(
    'unsupported_media_type',
    'Send message/rfc822, application/json or a form with the email',
  );
}
