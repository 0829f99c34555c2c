// Subscriber: pushes what the customer may see to their widget sockets.
import type { Namespace } from 'socket.io';
import type { DomainEvent } from '@/lib/events/types';
import { customerRoom } from '@/lib/realtime/rooms';
import type { Subscriber } from '../dispatcher';

export function customerSocketsSubscriber(customers: Namespace): Subscriber {
  return {
    name: 'customer-sockets',
    handle(event: DomainEvent) {
      if (!event.conversationId) return;
      const room = customers.to(customerRoom(event.conversationId));
      const payload = event.payload as Partial<{
        conversation: unknown;
        message: unknown;
        statusChanged: boolean;
        notice: unknown;
      }>;
      switch (event.type) {
        case 'message.posted':
          room.emit('message', payload.message);
          if (payload.statusChanged) room.emit('conversation', payload.conversation);
          return;
        case 'notice.sent':
          room.emit('notice', payload.notice);
          return;
        case 'note.added':
        case 'conversation.seen':
          return; // for agents only
        default:
          if (payload.conversation) room.emit('conversation', payload.conversation);
      }
    },
  };
}
