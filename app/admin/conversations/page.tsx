import type { Metadata } from 'next';
import { BlocksCard } from '@/components/admin/blocks-card';
import { ConversationsConsole } from '@/components/admin/conversations-console';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'Conversations · Admin' };

export default function ConversationsPage() {
  return (
    <>
      <PageHeader
        title="Conversations"
        description="Search every conversation, export it, delete what you no longer keep, and block visitors."
      />
      <ConversationsConsole />
      <BlocksCard />
    </>
  );
}
