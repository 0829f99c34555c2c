import { ADMIN_API } from '@/lib/auth/callers';
import { createBlockSchema } from '@/lib/contracts/admin';
import { json, readJson, route } from '@/lib/http/route';
import { createVisitorBlock, listVisitorBlocks } from '@/lib/visitors/visitor-blocks';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () =>
  json({ blocks: await listVisitorBlocks() }),
);

export const POST = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const input = await readJson(request, createBlockSchema);
  return json({ block: await createVisitorBlock(input, caller.actor) }, 201);
});
