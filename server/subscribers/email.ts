// Subscriber: queues agent replies for visitors with an address; the email sender sends them
// once the visitor has left the page.
import { queueEmailForEvent } from '@/lib/email/queue-for-event';
import type { Subscriber } from '../dispatcher';

export function emailSubscriber(): Subscriber {
  return { name: 'email', handle: queueEmailForEvent };
}
