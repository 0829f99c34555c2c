import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, route } from '@/lib/http/route';
import { getWorkingHoursStatus } from '@/lib/settings/get-working-hours-status';

export const dynamic = 'force-dynamic';

/** Open or closed right now, judged on the server by the stored working hours. */
export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ status: await getWorkingHoursStatus() });
});
