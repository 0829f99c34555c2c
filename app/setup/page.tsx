import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { hasAnyAgent } from '@/lib/agents/setup';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up' };

export default async function SetupPage() {
  if (await hasAnyAgent()) redirect('/login');
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome to Parley</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Create the first admin account. You can invite the rest of your team afterwards.
        </p>
      </div>
      <SetupForm />
    </main>
  );
}
