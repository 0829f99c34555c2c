// Channel: queues agent replies for visitors with an address; the email sender sends them
// once the visitor has left the page. On while SMTP is set (environment or console).
import { queueEmailForEvent } from '../../email/queue-for-event';
import { defineChannel } from '../channel';
import { isEmailActive } from '../subscribers';

export const email = defineChannel({
  name: 'email',
  enabled: isEmailActive,
  handle: (event) => queueEmailForEvent(event),
});
