// One-click unsubscribe (the link in every email, and RFC 8058's List-Unsubscribe-Post):
// the address gets no more email from any conversation until the visitor gives it again.
import { customerActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { db } from '../db/client';
import { verifyUnsubscribeToken } from './links';
import { suppressAddress } from './suppressions';

export async function unsubscribe(token: string): Promise<{ address: string }> {
  const { address, conversationId } = await verifyUnsubscribeToken(token);
  await db().transaction(async (tx) => {
    await suppressAddress(tx, address, conversationId);
    await writeAudit(tx, customerActor, 'email.unsubscribed', conversationId);
  });
  return { address };
}
