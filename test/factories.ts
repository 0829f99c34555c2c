// Factories that build rows through the same code paths the product uses.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../lib/agents/password';
import type { StartConversationInput } from '../lib/contracts/customer';
import { startConversation } from '../lib/conversations/start-conversation';
import { db } from '../lib/db/client';
import { type AgentRow, agents, departments } from '../lib/db/schema';

let counter = 0;

export async function createAgent(
  overrides: Partial<typeof agents.$inferInsert> = {},
): Promise<AgentRow> {
  counter += 1;
  const [row] = await db()
    .insert(agents)
    .values({
      name: `Agent ${counter}`,
      email: `agent-${counter}-${randomUUID().slice(0, 8)}@example.com`,
      role: 'agent',
      passwordHash: await hashPassword('correct horse battery'),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createDepartment(overrides: Partial<typeof departments.$inferInsert> = {}) {
  const [row] = await db()
    .insert(departments)
    .values({ name: `Department ${++counter}`, ...overrides })
    .returning();
  return row!;
}

export async function createConversation(input: StartConversationInput = {}) {
  return startConversation(input, { userAgent: 'vitest' });
}

let clientCounter = 0;
export const nextClientId = () => `client-${++clientCounter}-${randomUUID().slice(0, 8)}`;
