// The transition table of DESIGN §5, every action from every status, run the way every
// surface runs it: what each allowed one leads to, and the 409 each refused one gives.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation } from '../../test/factories';
import type { Actor } from '../actor';
import {
  CONVERSATION_ACTIONS,
  CONVERSATION_STATUSES,
  type ConversationAction,
  type ConversationStatus,
  canRun,
  TRANSITIONS,
} from '../contracts/conversation-state';
import { db } from '../db/client';
import { type AgentRow, auditLog, conversations } from '../db/schema';
import { blockConversation } from './block-conversation';
import { claimConversation } from './claim-conversation';
import { closeConversation } from './close-conversation';
import { postAgentMessage } from './post-agent-message';
import { runAgentAction } from './run-agent-action';

const as = (agent: AgentRow): Actor => ({ type: 'agent', agentId: agent.id });

/** Written out here, not read from the table, so a change to either shows up. */
const EXPECTED: Record<
  ConversationAction,
  Record<ConversationStatus, ConversationStatus | string>
> = {
  claim: {
    open_unclaimed: 'open_assigned',
    open_assigned: 'open_assigned',
    awaiting_customer: 'awaiting_customer',
    closed: 'Cannot claim a conversation that is closed',
    blocked: 'Cannot claim a conversation that is blocked',
  },
  close: {
    open_unclaimed: 'closed',
    open_assigned: 'closed',
    awaiting_customer: 'closed',
    closed: 'Cannot close a conversation that is closed',
    blocked: 'Cannot close a conversation that is blocked',
  },
  reopen: {
    open_unclaimed: 'Only a closed conversation can be reopened; this one is open_unclaimed',
    open_assigned: 'Only a closed conversation can be reopened; this one is open_assigned',
    awaiting_customer: 'Only a closed conversation can be reopened; this one is awaiting_customer',
    closed: 'open_unclaimed',
    blocked: 'Only a closed conversation can be reopened; this one is blocked',
  },
  block: {
    open_unclaimed: 'blocked',
    open_assigned: 'blocked',
    awaiting_customer: 'blocked',
    closed: 'blocked',
    blocked: 'The conversation is already blocked',
  },
  unblock: {
    open_unclaimed: 'The conversation is not blocked',
    open_assigned: 'The conversation is not blocked',
    awaiting_customer: 'The conversation is not blocked',
    closed: 'The conversation is not blocked',
    blocked: 'closed',
  },
};

/** A fresh conversation brought to `status` by the services, Ann holding it when open. */
async function conversationIn(status: ConversationStatus, ann: AgentRow): Promise<string> {
  const { conversation } = await createConversation();
  const id = conversation.id;
  if (status === 'open_assigned') await claimConversation(id, ann.id, as(ann));
  if (status === 'awaiting_customer') await postAgentMessage(id, ann.id, 'Hello', as(ann));
  if (status === 'closed') await closeConversation(id, as(ann));
  if (status === 'blocked') await blockConversation(id, as(ann));
  const [row] = await db().select().from(conversations).where(eq(conversations.id, id));
  expect(row?.status).toBe(status);
  return id;
}

const stateOf = async (id: string) => ({
  row: (await db().select().from(conversations).where(eq(conversations.id, id)))[0],
  audit: (await db().select().from(auditLog).where(eq(auditLog.conversationId, id))).length,
});

describe('the transition table', () => {
  it('lists exactly the allowed transitions', () => {
    for (const action of CONVERSATION_ACTIONS) {
      for (const status of CONVERSATION_STATUSES) {
        const expected = EXPECTED[action][status];
        const allowed = (CONVERSATION_STATUSES as readonly string[]).includes(expected);
        expect(canRun(action, status), `${action} from ${status}`).toBe(allowed);
        expect(TRANSITIONS[action][status]).toBe(allowed ? expected : undefined);
      }
    }
  });

  for (const status of CONVERSATION_STATUSES) {
    describe(`from ${status}`, () => {
      for (const action of CONVERSATION_ACTIONS) {
        const expected = EXPECTED[action][status];
        const allowed = (CONVERSATION_STATUSES as readonly string[]).includes(expected);
        it(allowed ? `${action} leads to ${expected}` : `${action} is refused`, async () => {
          const ann = await createAgent({ name: 'Ann' });
          const bob = await createAgent({ name: 'Bob' });
          const id = await conversationIn(status, ann);
          const run = () => runAgentAction(as(bob), id, action, { agentId: bob.id });
          if (allowed) {
            const view = await run();
            expect(view.status).toBe(expected);
            expect((await stateOf(id)).row?.status).toBe(expected);
            if (action === 'claim') {
              expect((await stateOf(id)).row?.assignedAgentId).toBe(bob.id);
            }
          } else {
            const before = await stateOf(id);
            await expect(run()).rejects.toMatchObject({ code: 'conflict', message: expected });
            expect(await stateOf(id)).toEqual(before);
          }
        });
      }
    });
  }

  it('needs the agent who takes the conversation to claim it', async () => {
    const { conversation } = await createConversation();
    const ann = await createAgent();
    await expect(runAgentAction(as(ann), conversation.id, 'claim')).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
