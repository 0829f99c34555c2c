import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { PreChatEditor } from '@/components/admin/pre-chat-editor';

export const metadata: Metadata = { title: 'Pre-chat form · Admin' };

export default function PreChatPage() {
  return (
    <>
      <PageHeader
        title="Pre-chat form"
        description="What the widget asks a visitor before their first message."
      />
      <PreChatEditor />
    </>
  );
}
