// Setup: opens a test topic in the group, posts in it and removes it again.
import { ADMIN_API } from '@/lib/auth/callers';
import { telegramGroupRequestSchema } from '@/lib/contracts/telegram';
import { json, readJson, route } from '@/lib/http/route';
import { createTestTopic } from '@/lib/telegram/setup/create-test-topic';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request, caller }) => {
  const input = await readJson(request, telegramGroupRequestSchema);
  return json(await createTestTopic(input, caller.actor));
});
