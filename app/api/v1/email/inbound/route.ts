import { getEffectiveEmail } from '@/lib/email/config';
import { parseInboundEmail } from '@/lib/email/parse-inbound';
import { receiveInboundEmail } from '@/lib/email/receive-inbound-email';
import { AppError, notFound } from '@/lib/errors';
import { json, readBoundedBody, route } from '@/lib/http/route';
import { webhookSecretMatches } from '@/lib/telegram/webhook-secret';

export const dynamic = 'force-dynamic';

/** An email with its MIME parts; attachments are not taken, but the body must fit. */
const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

/** The secret as a provider can send it: a bearer token, basic auth's password, a header or `?secret=`. */
function givenSecret(request: Request): string | null {
  const authorization = request.headers.get('authorization') ?? '';
  if (/^bearer /i.test(authorization)) return authorization.slice(7).trim();
  if (/^basic /i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return (
    request.headers.get('x-parley-inbound-secret') ??
    new URL(request.url).searchParams.get('secret')
  );
}

// Public: the inbound secret (EMAIL_INBOUND_SECRET or the console's) is the credential.
export const POST = route({ auth: 'public' }, async ({ request }) => {
  const { inboundSecret } = await getEffectiveEmail();
  if (!inboundSecret) throw notFound('Inbound email');
  if (!webhookSecretMatches(givenSecret(request), inboundSecret)) {
    throw new AppError('unauthorized', 'Missing or wrong inbound email secret');
  }
  const body = await readBoundedBody(request, MAX_INBOUND_BYTES);
  const email = await parseInboundEmail(request.headers.get('content-type') ?? '', body);
  const outcome = await receiveInboundEmail(email);
  return json(outcome, outcome.status === 'posted' ? 201 : 200);
});
