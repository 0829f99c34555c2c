import { blockIdSchema } from '@/lib/contracts/admin';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route } from '@/lib/http/route';
import { liftVisitorBlock } from '@/lib/visitors/visitor-blocks';

export const dynamic = 'force-dynamic';

export const DELETE = route<{ id: string }>(async (request, params) => {
  const id = parse(blockIdSchema, params.id);
  const actor = await authenticateAdmin(request);
  return json({ block: await liftVisitorBlock(id, actor) });
});
