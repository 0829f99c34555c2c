// The `/customer` namespace: the widget's live channel. Thin: parse, authorise, call the
// conversation service, acknowledge.
import type { Namespace, Server, Socket } from 'socket.io';
import { authenticateCustomer } from '@/lib/auth/callers';
import { seenSchema, sendMessageSchema, typingSchema } from '@/lib/contracts/customer';
import type { CustomerClientEvents, CustomerServerEvents } from '@/lib/contracts/customer-events';
import { getRecentNotices } from '@/lib/conversations/get-recent-notices';
import { markSeenByCustomer } from '@/lib/conversations/mark-seen';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { noteCustomerPresent } from '@/lib/email/presence';
import { AppError } from '@/lib/errors';
import { parse, parseQuietly, withinDeadline } from '@/lib/http/route';
import { logger } from '@/lib/log';
import { agentConversationRoom, customerRoom } from '@/lib/realtime/rooms';
import { ackError, connectError } from './acks';

interface CustomerSocketData {
  conversationId: string;
}

type CustomerSocket = Socket<
  CustomerClientEvents,
  CustomerServerEvents,
  object,
  CustomerSocketData
>;

export type CustomerNamespace = Namespace<
  CustomerClientEvents,
  CustomerServerEvents,
  object,
  CustomerSocketData
>;

export function registerCustomerNamespace(io: Server): CustomerNamespace {
  const customers: CustomerNamespace = io.of('/customer');

  customers.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (token !== undefined && typeof token !== 'string') {
        throw new AppError('unauthorized', 'auth.token must be a string');
      }
      const claims = await withinDeadline(authenticateCustomer(token));
      socket.data.conversationId = claims.conversationId;
      next();
    } catch (error) {
      next(connectError(error));
    }
  });

  customers.on('connection', (socket: CustomerSocket) => {
    const { conversationId } = socket.data;
    socket.join(customerRoom(conversationId));
    noteCustomerPresent(conversationId);
    // Leaving starts the clock after which agent replies go out by email.
    socket.on('disconnect', () => noteCustomerPresent(conversationId));
    void getRecentNotices(conversationId).then(
      (notices) => {
        for (const notice of notices) socket.emit('notice', notice);
      },
      (error) => logger().warn({ err: error, conversationId }, 'could not replay notices'),
    );

    socket.on('message:send', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const input = parse(sendMessageSchema, payload);
        const { message } = await withinDeadline(postCustomerMessage(conversationId, input));
        ack({ ok: true, message });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('typing', (payload) => {
      const parsed = parseQuietly(typingSchema, payload);
      if (!parsed) return;
      io.of('/agent')
        .to(agentConversationRoom(conversationId))
        .volatile.emit('customer:typing', { conversationId, typing: parsed.typing });
    });

    socket.on('seen', async (payload) => {
      const parsed = parseQuietly(seenSchema, payload);
      if (!parsed) return;
      await markSeenByCustomer(conversationId, parsed.seq).catch((error) => {
        logger().warn({ err: error, conversationId }, 'could not record seen');
      });
    });
  });

  return customers;
}
