import { createBlockSchema } from '@/lib/contracts/admin';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { createVisitorBlock, listVisitorBlocks } from '@/lib/visitors/visitor-blocks';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ blocks: await listVisitorBlocks() });
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, createBlockSchema);
  return json({ block: await createVisitorBlock(input, actor) }, 201);
});
