import type { Metadata } from 'next';
import { AppNav } from '@/components/app-nav';
import { Providers } from '@/components/providers';
import { CannedResponses } from '@/components/team/canned-responses';
import { TeamManager } from '@/components/team/team-manager';
import { requirePageAdmin } from '../_auth/page-auth';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Team · Parley' };

export default async function TeamPage() {
  const { agent: me, allowed } = await requirePageAdmin();
  return (
    <Providers>
      <AppNav me={me} current="/team" />
      <main className="mx-auto flex max-w-4xl flex-col gap-8 p-6">
        {allowed ? (
          <>
            <h1 className="text-2xl font-semibold">Team</h1>
            <TeamManager me={me} />
            <CannedResponses />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">Admins only</h1>
            <p role="alert" className="text-sm text-slate-700">
              You need the admin role to manage the team. Ask an admin if you need access.
            </p>
          </>
        )}
      </main>
    </Providers>
  );
}
