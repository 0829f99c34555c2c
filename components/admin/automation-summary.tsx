'use client';
// The automation rules in effect, in words, from what is stored (not from unsaved edits).
import type { AllSettings } from '@/lib/contracts/settings';
import { describeSeconds } from './duration';

export function describeAutomation({ automation, retention }: AllSettings): string[] {
  const closeNoReply = automation.autoCloseNoAgentReplySeconds;
  const closeSilent = automation.autoCloseCustomerSilentSeconds;
  const days = retention.closedConversationDays;
  return [
    `Agents are reminded after ${describeSeconds(automation.firstReminderSeconds)} and again after ${describeSeconds(automation.secondReminderSeconds)} (pinned in Telegram) while a conversation is unclaimed.`,
    closeNoReply === null
      ? 'Conversations are never closed for lack of an agent reply.'
      : `A conversation closes when the customer’s message gets no reply for ${describeSeconds(closeNoReply)}.`,
    closeSilent === null
      ? 'Conversations are never closed because the customer went silent.'
      : `A conversation closes when the customer stays silent for ${describeSeconds(closeSilent)} after an agent’s reply.`,
    days === null
      ? 'Closed conversations are kept forever.'
      : `Closed conversations are deleted ${describeSeconds(days * 86_400)} after they closed.`,
    `Each server checks every ${describeSeconds(automation.sweepIntervalSeconds)}.`,
  ];
}

export function AutomationSummary({ settings }: { settings: AllSettings }) {
  return (
    <section
      aria-label="In effect now"
      className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
    >
      <h2 className="mb-2 font-semibold">In effect now</h2>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        {describeAutomation(settings).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
