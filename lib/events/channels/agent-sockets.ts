// Channel: keeps every signed-in inbox live, pushed after each commit (the inbox fetches by
// `seq` what it misses, and again on reconnect). Messages and notes go out as they come;
// conversation rows that changed are re-read and sent in coalesced batches (a burst of
// 500 messages a second becomes a few queries), always in their current state.
import { inArray } from 'drizzle-orm';
import { agentsViewer, signMessageFor } from '../../attachments/present';
import { presentMany } from '../../conversations/list-conversations';
import { withAuthor } from '../../conversations/present';
import { db } from '../../db/client';
import { conversations } from '../../db/schema';
import { logger } from '../../log';
import { agentRoom, agentSessionRoom, agentsRoom } from '../../realtime/rooms';
import { defineChannel } from '../channel';
import { type DomainEvent, isEvent } from '../types';

// Long enough to coalesce a burst into one query, short enough that nobody notices.
const FLUSH_DELAY_MS = 100;

export const agentSockets = defineChannel({
  name: 'agent-sockets',
  live: true,
  // Per process: the conversations waiting to be re-read belong to this dispatcher.
  start({ agents }) {
    const room = () => agents.to(agentsRoom());
    const pending = new Set<string>();
    let scheduled = false;
    let flushing = Promise.resolve();

    const flush = async () => {
      const ids = [...pending];
      pending.clear();
      if (ids.length === 0) return;
      try {
        const database = db();
        const rows = await database
          .select()
          .from(conversations)
          .where(inArray(conversations.id, ids));
        if (rows.length)
          room().emit('conversations', { conversations: await presentMany(database, rows) });
      } catch (error) {
        logger().warn({ err: error, count: ids.length }, 'could not refresh inbox conversations');
      }
    };

    const refresh = (conversationId: string) => {
      pending.add(conversationId);
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        // One flush at a time, so a later state never overtakes an earlier one.
        flushing = flushing.then(flush);
      }, FLUSH_DELAY_MS);
    };

    return {
      handle(event: DomainEvent) {
        if (isEvent(event, 'agent.updated')) {
          const { agentId, active, sessionsEnded, endedSessionId } = event.payload;
          if (!active || sessionsEnded) agents.in(agentRoom(agentId)).disconnectSockets(true);
          if (endedSessionId) agents.in(agentSessionRoom(endedSessionId)).disconnectSockets(true);
          room().emit('team');
          return;
        }
        if (!event.conversationId) return;
        if (isEvent(event, 'message.posted')) {
          // The event carries the customer's links; agents get their own.
          const { message, authorAgentId } = event.payload;
          room().emit('message', withAuthor(signMessageFor(message, agentsViewer), authorAgentId));
        } else if (isEvent(event, 'message.edited') || isEvent(event, 'message.deleted')) {
          const { message, authorAgentId } = event.payload;
          room().emit(
            'message:updated',
            withAuthor(signMessageFor(message, agentsViewer), authorAgentId),
          );
        } else if (isEvent(event, 'note.added')) {
          room().emit('note', event.payload.note);
        } else if (isEvent(event, 'conversation.seen')) {
          room().emit('customer:seen', event.payload);
        } else if (isEvent(event, 'system_message.emitted')) {
          // Unclaimed reminders are meant for agents: the inbox shows them as a notification.
          if (event.payload.key.startsWith('unclaimed_reminder')) {
            room().emit('reminder', {
              conversationId: event.conversationId,
              text: event.payload.text,
            });
            // The list marks conversations that agents were reminded of.
            refresh(event.conversationId);
          }
          return;
        } else if (isEvent(event, 'conversation.started')) {
          const { conversation } = event.payload;
          room().emit('conversation:started', {
            conversationId: conversation.id,
            codename: conversation.codename,
            departmentId: conversation.departmentId,
          });
        }
        if (!isEvent(event, 'note.added') && !isEvent(event, 'conversation.seen')) {
          refresh(event.conversationId);
        }
      },
    };
  },
});
