// A reply to Parley's email becomes the customer's message in its conversation (found by the
// signed reply address), with the quoted history cut off. Mail that belongs nowhere (no or a
// forged reply address, an auto-reply, a blocked conversation) is acknowledged and dropped,
// so the provider does not redeliver it forever.
import { createHash } from 'node:crypto';
import type { Message } from '../contracts/dto';
import { MAX_TEXT_LENGTH, normalizeText } from '../contracts/text';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { AppError } from '../errors';
import { logger } from '../log';
import { conversationOfReplyAddress } from './links';
import type { InboundEmail } from './parse-inbound';
import { stripQuotedReply } from './strip-quoted';

export type InboundOutcome =
  | { status: 'posted'; message: Message }
  | { status: 'ignored'; reason: string };

const ignored = (reason: string): InboundOutcome => ({ status: 'ignored', reason });

export async function receiveInboundEmail(email: InboundEmail): Promise<InboundOutcome> {
  if (email.automatic) return ignored('An automatic reply');
  const conversationId = conversationOfReplyAddress(email.recipients);
  if (!conversationId) return ignored('Not sent to a conversation’s reply address');
  const text = normalizeText(stripQuotedReply(email.text)).slice(0, MAX_TEXT_LENGTH);
  if (!text) return ignored('The reply is empty once the quoted email is cut off');
  // The same email posted twice (a provider's retry) is the same message.
  const clientId = `email:${createHash('sha256')
    .update(email.messageId ?? `${email.from}\0${text}`)
    .digest('hex')
    .slice(0, 40)}`;
  try {
    const { message } = await postCustomerMessage(conversationId, { text, clientId });
    return { status: 'posted', message };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'blocked' || error.code === 'not_found')) {
      logger().info({ conversationId, code: error.code }, 'inbound email dropped');
      return ignored(
        error.code === 'blocked' ? 'The conversation is blocked' : 'No such conversation',
      );
    }
    throw error;
  }
}
