import { ADMIN_API } from '@/lib/auth/callers';
import { idParams } from '@/lib/contracts/params';
import { json, route } from '@/lib/http/route';
import { liftVisitorBlock } from '@/lib/visitors/visitor-blocks';

export const dynamic = 'force-dynamic';

export const DELETE = route({ auth: ADMIN_API, params: idParams }, async ({ params, caller }) =>
  json({ block: await liftVisitorBlock(params.id, caller.actor) }),
);
