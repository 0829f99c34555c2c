// The services' side of the state machine in contracts/conversation-state: refusing what
// the transition table does not allow, with the 409 every surface shows.
import {
  type ConversationAction,
  type ConversationStatus,
  isOpen,
  nextStatus,
  refusal,
} from '../contracts/conversation-state';
import { conflict } from '../errors';

export { isOpen, OPEN_STATUSES } from '../contracts/conversation-state';

/** Refuses anything but an open conversation, e.g. `reply in` a closed one. */
export function assertOpen(status: ConversationStatus, action: string): void {
  if (!isOpen(status)) {
    throw conflict(`Cannot ${action} a conversation that is ${status.replace('_', ' ')}`);
  }
}

/** The status `action` leads to from `status`, or the 409 saying why it is not allowed. */
export function transition(
  action: ConversationAction,
  status: ConversationStatus,
): ConversationStatus {
  const next = nextStatus(action, status);
  if (!next) throw conflict(refusal(action, status));
  return next;
}
