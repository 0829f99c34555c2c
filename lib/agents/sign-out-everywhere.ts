// "Sign out everywhere": every session of the agent ends at once, this browser's too, and
// their sockets are dropped (lib/auth/agent-sessions.ts).
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { endAllAgentSessions } from '../auth/agent-sessions';
import { inTransaction } from '../db/transaction';

export async function signOutEverywhere(agentId: string, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    await endAllAgentSessions(tx, agentId, actor);
    await writeAudit(tx, actor, 'agent.signed_out_everywhere', null, { agentId });
  });
}
