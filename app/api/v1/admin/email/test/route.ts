import { ADMIN_API } from '@/lib/auth/callers';
import { emailTestSchema } from '@/lib/contracts/admin';
import { sendTestEmail } from '@/lib/email/send-test-email';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Calls out to the SMTP server, which may take its time: no 6 s deadline.
export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request, caller }) => {
  const { to } = await readJson(request, emailTestSchema);
  return json({ sent: await sendTestEmail(to, caller.actor) });
});
