// Setup: opens a test topic in the group, posts in it and removes it again.
import { telegramGroupRequestSchema } from '@/lib/contracts/telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { createTestTopic } from '@/lib/telegram/setup/create-test-topic';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, telegramGroupRequestSchema);
  return json(await createTestTopic(input, actor));
});
