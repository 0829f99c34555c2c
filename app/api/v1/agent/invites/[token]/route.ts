import { acceptInvite } from '@/lib/agents/invites';
import { acceptInviteSchema } from '@/lib/contracts/agent';
import { inviteParams } from '@/lib/contracts/params';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public: the token in the link is the credential.
export const POST = route({ auth: 'public', params: inviteParams }, async ({ request, params }) => {
  const { password } = await readJson(request, acceptInviteSchema.omit({ token: true }));
  const { email } = await acceptInvite(params.token, password);
  return json({ email });
});
