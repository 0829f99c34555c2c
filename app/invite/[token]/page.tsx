import type { Metadata } from 'next';
import { InviteForm } from '@/components/auth/invite-form';
import { findInvite } from '@/lib/agents/invites';
import { db } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a password · Parley' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 200 ? await findInvite(db(), token) : undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <h1 className="text-2xl font-semibold">Choose a password</h1>
      {invite ? (
        <InviteForm token={token} name={invite.name} email={invite.email ?? ''} />
      ) : (
        <p role="alert" className="text-sm text-red-700">
          This link has expired or was already used. Ask an admin for a new one.
        </p>
      )}
    </main>
  );
}
