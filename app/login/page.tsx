import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { hasAnyAgent } from '@/lib/agents/setup';
import { currentAgent } from '../_auth/page-auth';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (!(await hasAnyAgent())) redirect('/setup');
  if (await currentAgent()) redirect('/inbox');
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <h1 className="text-2xl font-semibold">Sign in to Parley</h1>
      <LoginForm />
    </main>
  );
}
