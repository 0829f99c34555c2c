import type { Metadata } from 'next';
import { InboxApp } from '@/components/inbox/inbox-app';
import { Providers } from '@/components/providers';
import { requirePageAgent } from '../_auth/page-auth';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Inbox' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageAgent();
  const { c } = await searchParams;
  return (
    <Providers>
      <InboxApp me={me} initialConversationId={typeof c === 'string' && UUID.test(c) ? c : null} />
    </Providers>
  );
}
