import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { SystemMessagesTable } from '@/components/admin/system-messages-table';

export const metadata: Metadata = { title: 'System messages · Admin' };

export default function SystemMessagesPage() {
  return (
    <>
      <PageHeader
        title="System messages"
        description="The automatic texts customers and agents get, per language, and where each one appears: a banner in the widget, a bubble in the transcript, a post in Telegram. Changes apply at once."
      />
      <SystemMessagesTable />
    </>
  );
}
