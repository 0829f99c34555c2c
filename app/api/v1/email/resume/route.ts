import { resumeRequestSchema } from '@/lib/contracts/customer';
import { resumeConversation } from '@/lib/email/resume-conversation';
import { json, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public: the signed link from the email is the credential; it is traded for a customer token.
export const POST = route({ auth: 'public', cors: true }, async ({ request }) => {
  const { token } = await readJson(request, resumeRequestSchema);
  return json(await resumeConversation(token));
});

export const OPTIONS = preflight;
