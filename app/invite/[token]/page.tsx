import type { Metadata } from 'next';
import { InviteForm } from '@/components/auth/invite-form';
import { getInviteStatus } from '@/lib/agents/invites';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a password' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getInviteStatus(token);
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
        <div>
          <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">Parley</p>
          <h1 className="text-2xl font-semibold">
            {invite.state === 'valid' ? `Welcome, ${invite.name}` : 'Choose a password'}
          </h1>
        </div>
        {invite.state === 'valid' ? (
          <InviteForm token={token} email={invite.email} />
        ) : (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {invite.state === 'expired'
              ? 'This link has expired. Ask an admin of your team to re-issue it.'
              : 'This link is not valid any more: it was already used or replaced by a newer one. Ask an admin of your team for a new one.'}
          </p>
        )}
      </main>
    </div>
  );
}
