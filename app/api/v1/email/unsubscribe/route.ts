import { unsubscribeQuerySchema } from '@/lib/contracts/customer';
import { unsubscribe } from '@/lib/email/unsubscribe';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public: the signed token in the link is the credential. Mail clients POST here for
// RFC 8058's one-click unsubscribe (`List-Unsubscribe=One-Click`); the /unsubscribe page's
// button posts a form and is sent back to the page to say it worked.
export const POST = route({ auth: 'public' }, async ({ request }) => {
  const { token } = parse(unsubscribeQuerySchema, searchParams(request));
  await unsubscribe(token);
  if (request.headers.get('accept')?.includes('text/html')) {
    const done = new URL('/unsubscribe?done=1', request.url);
    return new Response(null, { status: 303, headers: { Location: done.pathname + done.search } });
  }
  return json({ unsubscribed: true });
});
