// Tying a Telegram user to an inbox account with a one-time code: the inbox shows the code
// (createTelegramLinkCode), the agent sends `/link <code>` in the group (linkTelegramAccount).
// Codes expire after a few minutes, work once, and are stored only as a hash.
import { randomInt } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit/write-audit';
import { OPEN_STATUSES } from '../contracts/conversation-state';
import { claimLocked } from '../conversations/claim-conversation';
import { lockConversation } from '../conversations/conversation-rows';
import { type AgentRow, agents, conversations, telegramLinkCodes } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { sha256Hex } from '../sha256';
import { requireActiveAgent } from './agents';
import { getAgentByTelegramId, type TelegramUser, telegramActor } from './telegram-agents';

export const LINK_CODE_TTL_MS = 15 * 60 * 1000;
// No 0/O or 1/I: the code is read off one screen and typed on another.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const hashCode = (code: string) => sha256Hex(normalizeCode(code));

/** Case and separators do not matter: `abcd-2345` is `ABCD2345`. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A fresh code for the agent; any earlier unused code of theirs stops working. */
export async function createTelegramLinkCode(
  agentId: string,
  now: Date = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const raw = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await inTransaction(async (tx) => {
    await requireActiveAgent(tx, agentId);
    await tx
      .delete(telegramLinkCodes)
      .where(and(eq(telegramLinkCodes.agentId, agentId), isNull(telegramLinkCodes.usedAt)));
    await tx.insert(telegramLinkCodes).values({ codeHash: hashCode(code), agentId, expiresAt });
  });
  return { code, expiresAt };
}

/**
 * Links the Telegram user to the code's agent. If the user had been working as an agent
 * created for them in Telegram, that stand-in is retired and hands its open conversations
 * over, so they keep answering them under their inbox name.
 */
export async function linkTelegramAccount(
  code: string,
  user: TelegramUser,
  now: Date = new Date(),
): Promise<AgentRow> {
  return inTransaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(telegramLinkCodes)
      .where(
        and(
          eq(telegramLinkCodes.codeHash, hashCode(code)),
          isNull(telegramLinkCodes.usedAt),
          gt(telegramLinkCodes.expiresAt, now),
        ),
      )
      .for('update');
    if (!found) throw new AppError('invalid_request', 'This link code is unknown or has expired');
    const target = await requireActiveAgent(tx, found.agentId);
    await tx
      .update(telegramLinkCodes)
      .set({ usedAt: now })
      .where(eq(telegramLinkCodes.codeHash, found.codeHash));

    const actor = telegramActor(user, target);
    const previous = await getAgentByTelegramId(tx, user.id);
    if (previous?.id === target.id) return target;
    if (previous) {
      await tx
        .update(agents)
        .set({
          telegramUserId: null,
          // A stand-in without an inbox account has no other use once linked.
          active: previous.email === null ? false : previous.active,
          updatedAt: now,
        })
        .where(eq(agents.id, previous.id));
      if (previous.email === null) {
        const held = await tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(
            and(
              eq(conversations.assignedAgentId, previous.id),
              inArray(conversations.status, [...OPEN_STATUSES]),
            ),
          );
        for (const { id } of held) {
          await claimLocked(tx, await lockConversation(tx, id), target, actor);
        }
      }
    }
    const [linked] = await tx
      .update(agents)
      .set({ telegramUserId: user.id, updatedAt: now })
      .where(eq(agents.id, target.id))
      .returning();
    await writeAudit(tx, actor, 'agent.telegram_linked', null, {
      agentId: target.id,
      telegramUserId: user.id,
      replacedAgentId: previous?.id ?? null,
    });
    return linked!;
  });
}
