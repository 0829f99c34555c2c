import { ADMIN_API } from '@/lib/auth/callers';
import { json, route } from '@/lib/http/route';
import { getWorkingHoursStatus } from '@/lib/settings/get-working-hours-status';

export const dynamic = 'force-dynamic';

/** Open or closed right now, judged on the server by the stored working hours. */
export const GET = route({ auth: ADMIN_API }, async () =>
  json({ status: await getWorkingHoursStatus() }),
);
