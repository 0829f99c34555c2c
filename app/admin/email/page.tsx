import type { Metadata } from 'next';
import { EmailSettings } from '@/components/admin/email-settings';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'Email · Admin · Parley' };

export default function EmailPage() {
  return (
    <>
      <PageHeader
        title="Email"
        description="Replies to visitors who left the page, transcripts on request, and replies by email back into the conversation. Changes apply without a restart."
      />
      <EmailSettings />
    </>
  );
}
