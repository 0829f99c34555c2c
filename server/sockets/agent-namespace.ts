// The `/agent` namespace: the inbox's live channel. A connection is a signed-in, active
// agent (the next-auth session cookie, verified like every route handler does). Actions go
// through the same conversation services as REST; typing, viewing and presence are
// ephemeral and never touch the event log.
import type { Namespace, Server, Socket } from 'socket.io';
import { touchAgent } from '@/lib/agents/agents';
import { agentActor, isInboxOrigin } from '@/lib/auth/callers';
import { authenticateSession, parseCookies } from '@/lib/auth/session';
import {
  type AgentClientEvents,
  type AgentServerEvents,
  agentTypingSchema,
  conversationRefSchema,
  type PresenceEntry,
  presenceSchema,
  socketEditSchema,
  socketMessageRefSchema,
  socketMessageSchema,
  type Viewer,
  viewingSchema,
} from '@/lib/contracts/agent';
import type { CustomerServerEvents } from '@/lib/contracts/customer-events';
import { addNote } from '@/lib/conversations/add-note';
import { deleteMessage } from '@/lib/conversations/delete-message';
import { editMessage } from '@/lib/conversations/edit-message';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { runAgentAction } from '@/lib/conversations/run-agent-action';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { parse, parseQuietly, withinDeadline } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';
import { logger } from '@/lib/log';
import {
  agentConversationRoom,
  agentRoom,
  agentSessionRoom,
  agentsRoom,
  customerRoom,
} from '@/lib/realtime/rooms';
import { ackError, connectError } from './acks';

export interface AgentSocketData {
  agent: { id: string; name: string };
  sessionId: string;
  status: 'online' | 'away';
  viewing: string | null;
  typingIn: string | null;
}

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, object, AgentSocketData>;
type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, object, AgentSocketData>;

/** Who is online (any socket not away) or away, from the sockets themselves. */
async function broadcastPresence(agents: AgentNamespace): Promise<void> {
  const sockets = await agents.in(agentsRoom()).fetchSockets();
  const byAgent = new Map<string, PresenceEntry>();
  for (const { data } of sockets) {
    if (!data.agent) continue;
    const known = byAgent.get(data.agent.id);
    if (known?.status === 'online') continue;
    byAgent.set(data.agent.id, {
      agentId: data.agent.id,
      name: data.agent.name,
      status: data.status,
    });
  }
  agents.to(agentsRoom()).emit('presence', { agents: [...byAgent.values()] });
}

async function broadcastViewers(agents: AgentNamespace, conversationId: string): Promise<void> {
  const sockets = await agents.in(agentConversationRoom(conversationId)).fetchSockets();
  const byAgent = new Map<string, Viewer>();
  for (const { data } of sockets) {
    if (!data.agent) continue;
    const typing = data.typingIn === conversationId || byAgent.get(data.agent.id)?.typing === true;
    byAgent.set(data.agent.id, { agentId: data.agent.id, name: data.agent.name, typing });
  }
  agents
    .to(agentConversationRoom(conversationId))
    .emit('viewers', { conversationId, viewers: [...byAgent.values()] });
}

/** `customers`: the widget's namespace, where agents' typing is shown. */
export function registerAgentNamespace(
  io: Server,
  customers: Namespace<object, CustomerServerEvents>,
): AgentNamespace {
  const agents: AgentNamespace = io.of('/agent');
  const warn = (error: unknown, what: string) => logger().warn({ err: error }, what);

  agents.use(async (socket, next) => {
    try {
      // The inbox's own pages only, whatever the widget's allow-list lets through.
      const { origin } = socket.handshake.headers;
      if (origin && !isInboxOrigin(origin)) {
        throw new AppError('forbidden', 'Only the inbox itself may connect here');
      }
      const { agent, sessionId } = await withinDeadline(
        authenticateSession(parseCookies(socket.request.headers.cookie)),
      );
      socket.data.agent = { id: agent.id, name: agent.name };
      socket.data.sessionId = sessionId;
      socket.data.status = 'online';
      socket.data.viewing = null;
      socket.data.typingIn = null;
      next();
    } catch (error) {
      next(connectError(error));
    }
  });

  agents.on('connection', (socket: AgentSocket) => {
    const { agent } = socket.data;
    const actor = agentActor(agent);
    socket.join([agentsRoom(), agentRoom(agent.id), agentSessionRoom(socket.data.sessionId)]);
    touchAgent(db(), agent.id).catch((error) => warn(error, 'could not record last seen'));
    broadcastPresence(agents).catch((error) => warn(error, 'presence broadcast failed'));

    socket.on('message:send', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { conversationId, ...content } = parse(socketMessageSchema, payload);
        ack({
          ok: true,
          message: await withinDeadline(postAgentMessage(conversationId, agent.id, content, actor)),
        });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('message:edit', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { conversationId, messageId, text } = parse(socketEditSchema, payload);
        const editor = { agentId: agent.id };
        ack({
          ok: true,
          message: await withinDeadline(
            editMessage(conversationId, messageId, editor, text, actor),
          ),
        });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('message:delete', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { conversationId, messageId } = parse(socketMessageRefSchema, payload);
        const editor = { agentId: agent.id };
        ack({
          ok: true,
          message: await withinDeadline(deleteMessage(conversationId, messageId, editor, actor)),
        });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('note:add', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { conversationId, ...content } = parse(socketMessageSchema, payload);
        const note = await withinDeadline(addNote(conversationId, agent.id, content, actor));
        ack({ ok: true, note });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('conversation:claim', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { conversationId } = parse(conversationRefSchema, payload);
        const conversation = await withinDeadline(
          runAgentAction(actor, conversationId, 'claim', { agentId: agent.id }).then(() =>
            getInboxConversation(agent.id, conversationId),
          ),
        );
        ack({ ok: true, conversation });
      } catch (error) {
        ack(ackError(error));
      }
    });

    socket.on('typing', (payload) => {
      const parsed = parseQuietly(agentTypingSchema, payload);
      if (!parsed) return;
      const { conversationId, typing } = parsed;
      const before = socket.data.typingIn;
      socket.data.typingIn = typing ? conversationId : null;
      // The customer sees "Ann is typing"; fellow agents see it next to the viewers.
      customers
        .to(customerRoom(conversationId))
        .volatile.emit('typing', { typing, name: agent.name });
      if (before !== socket.data.typingIn) {
        broadcastViewers(agents, conversationId).catch((error) => warn(error, 'viewers failed'));
      }
    });

    socket.on('viewing', async (payload) => {
      const parsed = parseQuietly(viewingSchema, payload);
      if (!parsed) return;
      const previous = socket.data.viewing;
      const next = parsed.conversationId;
      if (previous === next) return;
      socket.data.viewing = next;
      socket.data.typingIn = null;
      if (previous) await socket.leave(agentConversationRoom(previous));
      if (next) await socket.join(agentConversationRoom(next));
      for (const id of [previous, next]) {
        if (id) broadcastViewers(agents, id).catch((error) => warn(error, 'viewers failed'));
      }
    });

    socket.on('presence', (payload) => {
      const parsed = parseQuietly(presenceSchema, payload);
      if (!parsed) return;
      socket.data.status = parsed.status;
      // Only an agent at the keyboard makes the widget say "online".
      if (parsed.status === 'online') {
        touchAgent(db(), agent.id).catch((error) => warn(error, 'could not record last seen'));
      }
      broadcastPresence(agents).catch((error) => warn(error, 'presence broadcast failed'));
    });

    socket.on('disconnect', () => {
      const { viewing } = socket.data;
      if (viewing)
        broadcastViewers(agents, viewing).catch((error) => warn(error, 'viewers failed'));
      broadcastPresence(agents).catch((error) => warn(error, 'presence broadcast failed'));
    });
  });

  return agents;
}
