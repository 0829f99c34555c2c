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
        notice: boolean;
        key: string;
        text: string;
      }>;
      switch (event.type) {
        case 'message.posted':
          room.emit('message', payload.message);
          if (payload.statusChanged) room.emit('conversation', payload.conversation);
          return;
        case 'system_message.emitted':
          if (payload.notice) room.emit('notice', { key: payload.key, text: payload.text });
          return;
        case 'conversation.blocked':
          // The widget hears it is blocked; then its token no longer works anyway.
          room.emit('conversation', payload.conversation);
          customers.in(customerRoom(event.conversationId)).disconnectSockets(true);
          return;
        case 'note.added':
        case 'conversation.seen':
        case 'conversation.purged':
          return; // for agents and Telegram only
        default:
          if (payload.conversation) room.emit('conversation', payload.conversation);
      }
    },
  };
}
