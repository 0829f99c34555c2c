// The conversation state machine of DESIGN §5, defined once: the statuses, the inbox views
// and the statuses each shows, and the agent actions with the status each leads to. Plain
// data with no server imports, so the inbox UI, the SQL and the services all read the same.

export const CONVERSATION_STATUSES = [
  'open_unclaimed',
  'open_assigned',
  'awaiting_customer',
  'closed',
  'blocked',
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Where a conversation's customer writes from: the site's widget, or a private chat with
 * the bot in Telegram (DESIGN §7, "Telegram as a customer channel"). */
export const CONVERSATION_CHANNELS = ['widget', 'telegram'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** The statuses of a conversation that is still going: it can be claimed, replied to, closed. */
export const OPEN_STATUSES = [
  'open_unclaimed',
  'open_assigned',
  'awaiting_customer',
] as const satisfies readonly ConversationStatus[];

/** Open and held by an agent (the "Mine" view when that agent is you). */
export const ASSIGNED_STATUSES = [
  'open_assigned',
  'awaiting_customer',
] as const satisfies readonly ConversationStatus[];

/** Over: no Telegram topic stays open and no reminder is due. */
export const ENDED_STATUSES = [
  'closed',
  'blocked',
] as const satisfies readonly ConversationStatus[];

export const isOpen = (status: string): boolean =>
  (OPEN_STATUSES as readonly string[]).includes(status);

export const isEnded = (status: string): boolean =>
  (ENDED_STATUSES as readonly string[]).includes(status);

export const INBOX_VIEWS = ['unclaimed', 'mine', 'open', 'closed', 'blocked'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** The statuses each inbox view lists; "mine" also requires the agent to hold it. */
export const VIEW_STATUSES = {
  unclaimed: ['open_unclaimed'],
  mine: ASSIGNED_STATUSES,
  open: OPEN_STATUSES,
  closed: ['closed'],
  blocked: ['blocked'],
} as const satisfies Record<InboxView, readonly ConversationStatus[]>;

export const CONVERSATION_ACTIONS = ['claim', 'close', 'reopen', 'block', 'unblock'] as const;
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

export const isConversationAction = (name: string): name is ConversationAction =>
  (CONVERSATION_ACTIONS as readonly string[]).includes(name);

/** The button label of each action, and its past tense for a confirmation. */
export const ACTION_LABELS: Record<ConversationAction, { label: string; done: string }> = {
  claim: { label: 'Claim', done: 'Claimed: it is yours now' },
  close: { label: 'Close', done: 'Closed' },
  reopen: { label: 'Reopen', done: 'Reopened' },
  block: { label: 'Block', done: 'Blocked' },
  unblock: { label: 'Unblock', done: 'Unblocked' },
};

type Transitions = Partial<Record<ConversationStatus, ConversationStatus>>;

/**
 * From which status each action is allowed, and the status it leads to. Claiming keeps
 * "awaiting customer" (the agent's reply still waits for an answer); blocking works from
 * any status but blocked; unblocking leaves the conversation closed.
 */
export const TRANSITIONS: Record<ConversationAction, Transitions> = {
  claim: {
    open_unclaimed: 'open_assigned',
    open_assigned: 'open_assigned',
    awaiting_customer: 'awaiting_customer',
  },
  close: { open_unclaimed: 'closed', open_assigned: 'closed', awaiting_customer: 'closed' },
  reopen: { closed: 'open_unclaimed' },
  block: {
    open_unclaimed: 'blocked',
    open_assigned: 'blocked',
    awaiting_customer: 'blocked',
    closed: 'blocked',
  },
  unblock: { blocked: 'closed' },
};

export const canRun = (action: ConversationAction, status: ConversationStatus): boolean =>
  TRANSITIONS[action][status] !== undefined;

/** The status `action` leads to from `status`; undefined when it is not allowed. */
export const nextStatus = (
  action: ConversationAction,
  status: ConversationStatus,
): ConversationStatus | undefined => TRANSITIONS[action][status];

/** Why `action` is refused from `status`: the message of the 409 the services give. */
export function refusal(action: ConversationAction, status: ConversationStatus): string {
  switch (action) {
    case 'reopen':
      return `Only a closed conversation can be reopened; this one is ${status}`;
    case 'block':
      return 'The conversation is already blocked';
    case 'unblock':
      return 'The conversation is not blocked';
    default:
      return `Cannot ${action} a conversation that is ${status.replace('_', ' ')}`;
  }
}
