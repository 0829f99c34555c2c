// A visitor asks for the transcript of their closed conversation by email: to the address
// they give (which becomes the conversation's), or the one they left before. Limited to one
// request a conversation every few minutes, so the button cannot be used to flood a mailbox.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { conversations, emailOutbox } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError, conflict, notFound } from '../errors';
import { isEmailActive } from '../events/subscribers';
import { queueTranscript, wakeEmailSender } from './outbox';
import { liftSuppression } from './suppressions';

const REQUEST_INTERVAL_SECONDS = 300;

export async function requestTranscript(
  conversationId: string,
  email: string | undefined,
  actor: Actor,
): Promise<{ email: string }> {
  if (!isEmailActive()) throw new AppError('unavailable', 'Email is not set up here', 60);
  const address = await inTransaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for('update');
    if (!conversation) throw notFound('Conversation');
    if (conversation.status === 'blocked')
      throw new AppError('blocked', 'This conversation is blocked');
    if (conversation.status !== 'closed') {
      throw conflict('The transcript can be sent once the conversation is closed');
    }
    const to = email ?? conversation.customerEmail;
    if (!to) throw new AppError('invalid_request', 'email: give the address to send it to');
    const [recent] = await tx
      .select({ createdAt: emailOutbox.createdAt })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.conversationId, conversationId),
          eq(emailOutbox.kind, 'transcript'),
          gt(
            emailOutbox.createdAt,
            sql`now() - make_interval(secs => ${REQUEST_INTERVAL_SECONDS})`,
          ),
        ),
      )
      .limit(1);
    if (recent) {
      const wait =
        REQUEST_INTERVAL_SECONDS - Math.floor((Date.now() - recent.createdAt.getTime()) / 1000);
      throw new AppError('rate_limited', 'The transcript is on its way already', Math.max(1, wait));
    }
    if (email && email !== conversation.customerEmail) {
      await tx
        .update(conversations)
        .set({ customerEmail: email })
        .where(eq(conversations.id, conversationId));
    }
    await liftSuppression(tx, to);
    await queueTranscript(tx, conversationId, to);
    await writeAudit(tx, actor, 'conversation.transcript_requested', conversationId);
    return to;
  });
  wakeEmailSender();
  return { email: address };
}
