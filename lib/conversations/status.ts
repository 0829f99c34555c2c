// The conversation state machine of DESIGN §5: which statuses allow which actions.
import type { ConversationStatus } from '../contracts/dto';
import { conflict } from '../errors';

export const OPEN_STATUSES: readonly ConversationStatus[] = [
  'open_unclaimed',
  'open_assigned',
  'awaiting_customer',
];

export function isOpen(status: ConversationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function assertOpen(status: ConversationStatus, action: string): void {
  if (!isOpen(status)) {
    throw conflict(`Cannot ${action} a conversation that is ${status.replace('_', ' ')}`);
  }
}
