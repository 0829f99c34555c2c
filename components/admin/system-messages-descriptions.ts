// What each system message is called in the console, what it is for and when it is sent.
import type { TemplateKey } from '@/lib/contracts/admin';

export const TEMPLATE_INFO: Record<TemplateKey, { name: string; description: string }> = {
  welcome_message: {
    name: 'Welcome message',
    description: 'Greets the visitor as soon as they start a conversation.',
  },
  waiting_for_agent: {
    name: 'Waiting for an agent',
    description:
      'Sent after a customer message while nobody has claimed the conversation, inside working hours.',
  },
  conversation_reopened: {
    name: 'Conversation reopened',
    description:
      'When a closed conversation opens again, because the customer wrote or an agent reopened it.',
  },
  unclaimed_reminder_5m: {
    name: 'First reminder',
    description:
      'Tells agents in Telegram that a conversation is still unclaimed, after the first reminder delay (see Automation).',
  },
  unclaimed_reminder_15m_pin: {
    name: 'Second reminder',
    description: 'The second reminder to agents, pinned in the conversation’s Telegram topic.',
  },
  closed_history_note: {
    name: 'Closed conversation note',
    description: 'Shown under the transcript when a customer comes back to a closed conversation.',
  },
  offline_message: {
    name: 'Offline message',
    description: 'Sent when a customer writes outside working hours.',
  },
  closing_message: {
    name: 'Closing message',
    description: 'When an agent closes the conversation.',
  },
  auto_closed: {
    name: 'Closed for inactivity',
    description: 'When an auto-close rule (see Automation) closes a quiet conversation.',
  },
  email_reply_subject: {
    name: 'Reply email: subject',
    description:
      'The subject of the email that carries agent replies to a visitor who left. {team}, {agent} and {codename} are filled in.',
  },
  email_reply: {
    name: 'Reply email: text',
    description:
      'Opens the email of replies, above the replies themselves, the link back to the chat and the unsubscribe link.',
  },
  email_transcript_subject: {
    name: 'Transcript email: subject',
    description: 'The subject of the transcript a visitor asks for after the conversation closed.',
  },
  email_transcript: {
    name: 'Transcript email: text',
    description: 'Opens the transcript email, above the whole conversation.',
  },
};

/** The delivery flags, in the order the console shows them. */
export const DELIVERY_FLAGS = [
  { flag: 'notice', label: 'Banner in the widget' },
  { flag: 'persist', label: 'Bubble in the transcript' },
  { flag: 'telegram', label: 'Post in Telegram' },
  { flag: 'pin', label: 'Pin in Telegram' },
] as const;

export const localeLabel = (locale: string) => (locale === '' ? 'Default' : locale);
