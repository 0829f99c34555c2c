import { AVATAR_MAX_BYTES } from '@/lib/avatars/process-avatar';
import { removeAgentAvatar, setAgentAvatar } from '@/lib/avatars/set-avatar';
import { readUploadedFile } from '@/lib/http/multipart';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const PUT = route({ auth: 'agent' }, async ({ request, caller }) => {
  const file = await readUploadedFile(request, AVATAR_MAX_BYTES);
  return json({ profile: await setAgentAvatar(caller.agent.id, file.bytes, caller.actor) });
});

export const DELETE = route({ auth: 'agent' }, async ({ caller }) =>
  json({ profile: await removeAgentAvatar(caller.agent.id, caller.actor) }),
);
