import { ADMIN_API } from '@/lib/auth/callers';
import { getEmailStatus } from '@/lib/email/get-email-status';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () => json({ email: await getEmailStatus() }));
