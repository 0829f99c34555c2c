import { acceptInvite } from '@/lib/agents/invites';
import { acceptInviteSchema } from '@/lib/contracts/agent';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public: the token in the link is the credential.
export const POST = route<{ token: string }>(async (request, params) => {
  const token = parse(acceptInviteSchema.shape.token, params.token);
  const { password } = await readJson(request, acceptInviteSchema.omit({ token: true }));
  const { email } = await acceptInvite(token, password);
  return json({ email });
});
