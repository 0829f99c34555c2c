import { ADMIN_API } from '@/lib/auth/callers';
import { idParams } from '@/lib/contracts/params';
import { checkDepartmentTelegram } from '@/lib/departments/check-department-telegram';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Calls Telegram, which answers in its own time (its client has its own timeout).
export const POST = route(
  { auth: ADMIN_API, params: idParams, deadlineMs: false },
  async ({ params }) => json({ check: await checkDepartmentTelegram(params.id) }),
);
