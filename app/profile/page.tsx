import type { Metadata } from 'next';
import { AppNav } from '@/components/app-nav';
import { ProfileForm } from '@/components/profile/profile-form';
import { Providers } from '@/components/providers';
import { requirePageAgent } from '../_auth/page-auth';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const me = await requirePageAgent();
  return (
    <Providers>
      <AppNav me={me} current="/profile" />
      <main className="mx-auto flex max-w-xl flex-col gap-6 p-6">
        <h1 className="text-2xl font-semibold">Your profile</h1>
        <ProfileForm />
      </main>
    </Providers>
  );
}
