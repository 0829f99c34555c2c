import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { AppNav } from '@/components/app-nav';
import { Providers } from '@/components/providers';
import { requirePageAdmin } from '../_auth/page-auth';

export const dynamic = 'force-dynamic';

/** Every console page: admins only (checked here on the server), with the side navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { agent: me, allowed } = await requirePageAdmin();
  return (
    <Providers>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <AppNav me={me} current="/admin" />
        {allowed ? (
          <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4 md:flex-row md:p-6">
            <AdminNav />
            <main className="flex min-w-0 flex-1 flex-col gap-6">{children}</main>
          </div>
        ) : (
          <main className="mx-auto flex max-w-xl flex-col gap-4 p-6">
            <h1 className="text-2xl font-semibold">Admins only</h1>
            <p role="alert" className="text-sm text-slate-700 dark:text-slate-300">
              The admin console is for admins. Ask an admin of your team if you need access.
            </p>
            <a href="/inbox" className="text-sm text-indigo-700 underline dark:text-indigo-300">
              Back to the inbox
            </a>
          </main>
        )}
      </div>
    </Providers>
  );
}
