// The admin console's sections, in the order the navigation shows them. A section without
// an `href` is planned and shown as such, so the console's shape is visible from day one.
export interface AdminSection {
  href?: string;
  label: string;
  description: string;
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { href: '/admin/widget', label: 'Widget', description: 'Look, texts and the embed snippet' },
  {
    href: '/admin/departments',
    label: 'Departments',
    description: 'Teams a visitor can pick, with their own agents and Telegram group',
  },
  {
    href: '/admin/pre-chat',
    label: 'Pre-chat form',
    description: 'What the widget asks before the first message',
  },
  {
    href: '/admin/working-hours',
    label: 'Working hours',
    description: 'When the team is online, holidays, and what visitors see offline',
  },
  {
    href: '/admin/system-messages',
    label: 'System messages',
    description: 'Automatic texts per language and where they appear',
  },
  {
    href: '/admin/automation',
    label: 'Automation',
    description: 'Reminders, auto-close and how long closed chats are kept',
  },
  {
    href: '/admin/telegram',
    label: 'Telegram',
    description: 'Answer from forum topics in your team’s supergroup',
  },
  {
    href: '/admin/email',
    label: 'Email',
    description: 'Replies to visitors who left, transcripts and replies by email',
  },
  { href: '/admin/team', label: 'Team', description: 'Agents, invitations and canned responses' },
  {
    href: '/admin/conversations',
    label: 'Conversations',
    description: 'Search, export, delete and block visitors',
  },
  { href: '/admin/audit', label: 'Audit log', description: 'Who changed what, and when' },
  {
    href: '/admin/api-tokens',
    label: 'API tokens',
    description: 'Credentials for scripts and integrations',
  },
  { href: '/admin/api', label: 'API reference', description: 'Every endpoint, from OpenAPI' },
  { label: 'Webhooks', description: 'Signed notifications to other systems (coming soon)' },
  { label: 'Reports', description: 'Response times, volume and satisfaction (coming soon)' },
];
