// Channel: pushes what the customer may see to their widget sockets, live after each
// commit; the widget fetches by `seq` what it misses.
import { customerRoom } from '../../realtime/rooms';
import { defineChannel } from '../channel';
import { isEvent } from '../types';

export const customerSockets = defineChannel({
  name: 'customer-sockets',
  live: true,
  handle(event, { customers }) {
    if (!event.conversationId) return;
    const room = customers.to(customerRoom(event.conversationId));
    if (isEvent(event, 'message.posted')) {
      room.emit('message', event.payload.message);
      if (event.payload.statusChanged) room.emit('conversation', event.payload.conversation);
    } else if (isEvent(event, 'message.edited') || isEvent(event, 'message.deleted')) {
      room.emit('message:updated', event.payload.message);
    } else if (isEvent(event, 'system_message.emitted')) {
      const { notice, key, text } = event.payload;
      if (notice) room.emit('notice', { key, text });
    } else if (isEvent(event, 'conversation.blocked')) {
      // The widget hears it is blocked; then its token no longer works anyway.
      room.emit('conversation', event.payload.conversation);
      customers.in(customerRoom(event.conversationId)).disconnectSockets(true);
    } else if ('conversation' in event.payload) {
      // Every other change the customer may see carries the customer-facing conversation;
      // notes, seen marks, purges and agent changes are for agents and Telegram only.
      room.emit('conversation', event.payload.conversation);
    }
  },
});
