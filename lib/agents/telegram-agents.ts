// Telegram users as agents: a group member who writes or presses a button acts as the agent
// linked to their Telegram account, or as an agent created for them on first sight (no
// email, no password: they work from Telegram only until they link an inbox account).
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Queryable } from '../db/client';
import { type AgentRow, agents } from '../db/schema';

export interface TelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  is_bot?: boolean;
}

export function telegramDisplayName(user: TelegramUser): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return (name || user.username || `Telegram ${user.id}`).slice(0, 64);
}

export async function getAgentByTelegramId(
  tx: Queryable,
  telegramUserId: number,
): Promise<AgentRow | undefined> {
  const [row] = await tx.select().from(agents).where(eq(agents.telegramUserId, telegramUserId));
  return row;
}

/** The agent behind a Telegram user, created under their Telegram name when first seen. */
export async function resolveTelegramAgent(tx: Queryable, user: TelegramUser): Promise<AgentRow> {
  const known = await getAgentByTelegramId(tx, user.id);
  if (known) return known;
  await tx
    .insert(agents)
    .values({
      name: telegramDisplayName(user),
      email: null,
      role: 'agent',
      telegramUserId: user.id,
    })
    .onConflictDoNothing();
  return (await getAgentByTelegramId(tx, user.id))!;
}

/** The audit actor of something a Telegram user did as `agent`. */
export const telegramActor = (user: TelegramUser, agent?: AgentRow): Actor => ({
  type: 'telegram',
  userId: user.id,
  ...(agent ? { agentId: agent.id } : {}),
});
