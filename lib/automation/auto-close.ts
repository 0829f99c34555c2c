// Closes conversations that went idle, per the automation settings: a customer's message
// that no agent answered for too long, or a customer who went silent after an agent's reply.
// Rows are locked with SKIP LOCKED and the conditions are re-read under the lock, so each
// conversation is closed once however many instances sweep at the same time.
import { and, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { systemActor } from '../actor';
import { OPEN_STATUSES } from '../contracts/conversation-state';
import { closeLocked } from '../conversations/close-conversation';
import { conversations } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { getSettings } from '../settings/settings';

const BATCH = 50;

function idleConditions(
  now: Date,
  noAgentReplySeconds: number | null,
  customerSilentSeconds: number | null,
): SQL[] {
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const rules: SQL[] = [];
  if (noAgentReplySeconds !== null) {
    rules.push(
      and(
        inArray(conversations.status, ['open_unclaimed', 'open_assigned']),
        isNotNull(conversations.lastCustomerAt),
        lte(conversations.lastCustomerAt, before(noAgentReplySeconds)),
        or(
          isNull(conversations.lastAgentAt),
          sql`${conversations.lastAgentAt} < ${conversations.lastCustomerAt}`,
        ),
      )!,
    );
  }
  if (customerSilentSeconds !== null) {
    rules.push(
      and(
        eq(conversations.status, 'awaiting_customer'),
        lte(conversations.lastAgentAt, before(customerSilentSeconds)),
      )!,
    );
  }
  return rules;
}

/** Closes what is idle at `now` with the `auto_closed` message; returns how many. */
export async function autoCloseIdleConversations(now: Date = new Date()): Promise<number> {
  return inTransaction(async (tx) => {
    const automation = await getSettings(tx, 'automation');
    const rules = idleConditions(
      now,
      automation.autoCloseNoAgentReplySeconds,
      automation.autoCloseCustomerSilentSeconds,
    );
    if (rules.length === 0) return 0;
    const idle = await tx
      .select()
      .from(conversations)
      .where(and(inArray(conversations.status, [...OPEN_STATUSES]), or(...rules)))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    for (const conversation of idle) {
      await closeLocked(tx, conversation, systemActor, { template: 'auto_closed' });
    }
    return idle.length;
  });
}
