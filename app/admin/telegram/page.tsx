import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { TelegramSettings } from '@/components/admin/telegram-settings';

export const metadata: Metadata = { title: 'Telegram · Admin' };

/** Telegram: connect a bot and a forum supergroup, and see how the connection is doing. */
export default function TelegramPage() {
  return (
    <>
      <PageHeader
        title="Telegram"
        description="Your team answers customers from forum topics in a Telegram supergroup: one topic per conversation."
      />
      <TelegramSettings />
    </>
  );
}
