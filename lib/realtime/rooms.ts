// The one place Socket.IO room names are built.

/** The customer's sockets for one conversation (`/customer` namespace). */
export const customerRoom = (conversationId: string) => `conversation:${conversationId}`;

/** Agents looking at one conversation (`/agent` namespace). */
export const agentConversationRoom = (conversationId: string) => `conversation:${conversationId}`;

/** Every signed-in agent (`/agent` namespace). */
export const agentsRoom = () => 'agents';

/** Every socket of one agent (`/agent` namespace), e.g. to drop them when disabled. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;

/** The sockets of one signed-in browser (`/agent` namespace), dropped when it signs out. */
export const agentSessionRoom = (sessionId: string) => `session:${sessionId}`;
