// The email channel's subscriber: an agent reply to a conversation with an address queues
// its email of replies (one per conversation however many replies follow); the sender then
// waits until the visitor has left the page and sends whatever they have not seen.
import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { conversations } from '../db/schema';
import { type DomainEvent, isEvent } from '../events/types';
import { getEffectiveEmail } from './config';
import { queueReplies, wakeEmailSender } from './outbox';

export async function queueEmailForEvent(event: DomainEvent): Promise<void> {
  if (!isEvent(event, 'message.posted') || event.payload.message.author !== 'agent') return;
  const database = db();
  const [conversation] = await database
    .select({ email: conversations.customerEmail })
    .from(conversations)
    .where(eq(conversations.id, event.payload.conversation.id));
  if (!conversation?.email) return;
  const { timing } = await getEffectiveEmail(database);
  await queueReplies(database, event.payload.conversation.id, timing.batchSeconds);
  wakeEmailSender();
}
