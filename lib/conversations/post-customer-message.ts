// A customer writes: idempotent by clientId, rate-limited per conversation, refused when
// blocked, and a closed conversation reopens first. Messages that arrive together share a
// transaction (group commit).
import { customerActor } from '../actor';
import { customerViewer, presentAttachment } from '../attachments/present';
import { isWithinWorkingHours } from '../automation/working-hours';
import type { SendMessageInput } from '../contracts/customer';
import type { Message } from '../contracts/dto';
import type { WorkingHoursSettings } from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { ConversationRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { limitMessages, messageCountsRollBack } from '../rate-limit';
import { getSettings } from '../settings/settings';
import { appendMessage } from './append-message';
import {
  findMessageByClientId,
  getConversation,
  lockConversation,
  lockConversations,
} from './conversation-rows';
import { presentMessage } from './present';
import { presentMessageRows } from './present-messages';
import { reopenLocked } from './reopen-conversation';
import { emitSystemMessage } from './system-messages';

export interface PostedMessage {
  message: Message;
  /** False when the clientId had been seen: the earlier message is returned unchanged. */
  created: boolean;
}

/** Thrown out of the transaction to roll it back when the clientId was seen before. */
class SentBefore extends Error {
  constructor(readonly posted: PostedMessage) {
    super('sent before');
  }
}

/** Outside working hours the customer hears so; otherwise, while unclaimed, that help is on the way. */
async function emitAfterCustomerMessage(
  tx: Queryable,
  conversation: ConversationRow,
  schedule: WorkingHoursSettings,
  now: Date,
) {
  if (!isWithinWorkingHours(schedule, now)) {
    await emitSystemMessage(tx, conversation, 'offline_message', customerActor, now);
  } else if (conversation.status === 'open_unclaimed') {
    await emitSystemMessage(tx, conversation, 'waiting_for_agent', customerActor, now);
  }
}

/**
 * Appends the customer's message to a locked conversation that may take it (reopening it if
 * closed), with the system message that answers it; presents it for the customer.
 */
async function writeMessage(
  tx: Queryable,
  locked: ConversationRow,
  schedule: WorkingHoursSettings,
  input: SendMessageInput,
): Promise<PostedMessage> {
  const conversation =
    locked.status === 'closed' ? await reopenLocked(tx, locked, customerActor) : locked;
  const now = new Date();
  const unclaimed = conversation.status === 'open_unclaimed';
  const appended = await appendMessage(
    tx,
    conversation,
    {
      author: 'customer',
      text: input.text,
      clientId: input.clientId,
      attachmentIds: input.attachmentIds,
      replyToId: input.replyToId,
    },
    customerActor,
    {
      ...(conversation.status === 'awaiting_customer' ? { status: 'open_assigned' } : {}),
      // The reminders to agents count from the first message nobody has claimed.
      ...(unclaimed && !conversation.awaitingClaimSince ? { awaitingClaimSince: now } : {}),
    },
  );
  await emitAfterCustomerMessage(tx, appended.conversation, schedule, now);
  const viewer = customerViewer(appended.conversation);
  const files = appended.attachments.map((file) =>
    presentAttachment(file, conversation.id, viewer),
  );
  return {
    message: presentMessage(appended.message, files, { replyTo: appended.quote }),
    created: true,
  };
}

const blocked = () => new AppError('blocked', 'This conversation is blocked');

/**
 * In one round trip: the conversation (locked), the working hours, and the message this
 * clientId was sent as before, if it was (presented for the customer).
 */
async function readForMessage(tx: Queryable, conversationId: string, input: SendMessageInput) {
  const [conversation, schedule, earlier] = await Promise.all([
    lockConversation(tx, conversationId),
    getSettings(tx, 'workingHours'),
    findMessageByClientId(tx, conversationId, input.clientId),
  ]);
  const [message] = earlier
    ? await presentMessageRows(tx, [earlier], customerViewer(conversation))
    : [];
  const sentBefore: PostedMessage | null = message ? { message, created: false } : null;
  return { conversation, schedule, sentBefore };
}

/** One message in a transaction of its own. */
async function postAlone(conversationId: string, input: SendMessageInput): Promise<PostedMessage> {
  try {
    return await inTransaction(async (tx): Promise<PostedMessage> => {
      // One round trip: the lock, the schedule, whether this clientId was seen before, and
      // the message's count against the rate limit when a rollback takes it back.
      const countedNow = messageCountsRollBack();
      const [{ conversation, schedule, sentBefore }, limited] = await Promise.all([
        readForMessage(tx, conversationId, input),
        countedNow
          ? limitMessages(conversationId, tx).then(
              () => null,
              (refusal: unknown) => refusal,
            )
          : null,
      ]);
      // Rolled back: a message sent again does not count against the rate limit.
      if (sentBefore) throw new SentBefore(sentBefore);
      // A blocked customer hears 403, never 429.
      if (conversation.status === 'blocked') throw blocked();
      if (limited) throw limited;
      if (!countedNow) await limitMessages(conversationId, tx);
      return writeMessage(tx, conversation, schedule, input);
    });
  } catch (error) {
    if (error instanceof SentBefore) return error.posted;
    // The same clientId sent twice at once: the other request won, return its message.
    if (isUniqueViolation(error, 'messages_conversation_client_id_idx')) {
      const database = db();
      const winner = await findMessageByClientId(database, conversationId, input.clientId);
      if (winner) {
        const conversation = await getConversation(database, conversationId);
        const [message] = await presentMessageRows(
          database,
          [winner],
          customerViewer(conversation),
        );
        return { message: message!, created: false };
      }
    }
    throw error;
  }
}

/**
 * One message of a shared transaction. What refuses it (no such conversation, blocked, the
 * rate limit) is decided before it writes anything and comes back as a value, so the others
 * go on; anything thrown fails the whole transaction. Counted only once known to be new.
 */
async function postInBatch(
  tx: Queryable,
  conversationId: string,
  input: SendMessageInput,
): Promise<PostedMessage | AppError> {
  try {
    const { conversation, schedule, sentBefore } = await readForMessage(tx, conversationId, input);
    if (sentBefore) return sentBefore;
    if (conversation.status === 'blocked') return blocked();
    await limitMessages(conversationId, tx);
    return await writeMessage(tx, conversation, schedule, input);
  } catch (error) {
    // Refusals come before any write of this message; later AppErrors fail the batch.
    if (error instanceof AppError && REFUSALS.has(error.code)) return error;
    throw error;
  }
}
const REFUSALS = new Set(['not_found', 'blocked', 'rate_limited']);

interface Waiting {
  conversationId: string;
  input: SendMessageInput;
  resolve(posted: PostedMessage): void;
  reject(error: unknown): void;
}

/** How many messages share a transaction at most, and how many such transactions run at once. */
const BATCH_MAX = 64;
const BATCHES_IN_FLIGHT = 2;

/**
 * Group commit: messages that arrive while earlier ones are being written share the next
 * transaction, one commit for all, each with its own rules (its lock, seq, idempotency,
 * rate limit, audit entry and event). The conversations of a batch are locked in one
 * statement in id order, so batches running side by side never deadlock. If the shared
 * transaction fails, each of its messages is written again on its own: a batch never
 * turns an answer another message would have had into an error.
 */
class MessageBatches {
  #waiting: Waiting[] = [];
  #inFlight = 0;
  /** The conversations of the batches being written: a batch takes none of another's. */
  #busy = new Set<string>();

  submit(conversationId: string, input: SendMessageInput): Promise<PostedMessage> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ conversationId, input, resolve, reject });
      this.#start();
    });
  }

  #start(): void {
    if (this.#inFlight >= BATCHES_IN_FLIGHT || this.#waiting.length === 0) return;
    this.#inFlight++;
    // On a microtask: the messages of one tick go together.
    queueMicrotask(() => void this.#run());
  }

  /**
   * The waiting messages of conversations no other batch holds, up to the most; a message
   * left waiting keeps the later ones of its conversation waiting too (their order).
   */
  #take(): Waiting[] {
    const batch: Waiting[] = [];
    const left = new Set<string>();
    this.#waiting = this.#waiting.filter((waiting) => {
      const id = waiting.conversationId;
      if (batch.length < BATCH_MAX && !this.#busy.has(id) && !left.has(id)) {
        batch.push(waiting);
        return false;
      }
      left.add(id);
      return true;
    });
    return batch;
  }

  async #run(): Promise<void> {
    let wrote = false;
    try {
      for (let batch = this.#take(); batch.length > 0; batch = this.#take()) {
        wrote = true;
        const ids = new Set(batch.map((w) => w.conversationId));
        for (const id of ids) this.#busy.add(id);
        try {
          if (batch.length === 1)
            await settle(batch[0]!, postAlone(batch[0]!.conversationId, batch[0]!.input));
          else await this.#commit(batch);
        } finally {
          for (const id of ids) this.#busy.delete(id);
        }
      }
    } finally {
      this.#inFlight--;
      // What is left belongs to a batch still being written, which takes it next; a run
      // that found nothing to take must not start another (it would spin).
      if (wrote) this.#start();
    }
  }

  async #commit(batch: Waiting[]): Promise<void> {
    let outcomes: Array<PostedMessage | AppError>;
    try {
      outcomes = await inTransaction(async (tx) => {
        const ids = [...new Set(batch.map((m) => m.conversationId))].sort();
        await lockConversations(tx, ids);
        const results: Array<PostedMessage | AppError> = [];
        // Conversations side by side (their statements share the connection's pipeline),
        // each one's messages in order.
        const settled = await Promise.allSettled(
          ids.map(async (id) => {
            for (const [at, waiting] of batch.entries()) {
              if (waiting.conversationId === id) {
                results[at] = await postInBatch(tx, id, waiting.input);
              }
            }
          }),
        );
        const failed = settled.find((s) => s.status === 'rejected');
        if (failed) throw failed.reason;
        return results;
      });
    } catch {
      await Promise.all(
        batch.map((waiting) => settle(waiting, postAlone(waiting.conversationId, waiting.input))),
      );
      return;
    }
    for (const [at, outcome] of outcomes.entries()) {
      if (outcome instanceof AppError) batch[at]!.reject(outcome);
      else batch[at]!.resolve(outcome);
    }
  }
}

const settle = (waiting: Waiting, posting: Promise<PostedMessage>) =>
  posting.then(waiting.resolve, waiting.reject);

// One per module graph, not per process: the custom server and Next's route handlers each
// have their own, so the errors a batch hands back are of the caller's own classes. Their
// batches lock in the same order, so they never deadlock one another.
const batches = new MessageBatches();

/**
 * The customer's message, stored before it is acknowledged. Plain text shares a
 * transaction with the messages that arrive at the same time; files and quotes, which
 * bring checks of their own, go alone.
 */
export function postCustomerMessage(
  conversationId: string,
  input: SendMessageInput,
): Promise<PostedMessage> {
  if (input.attachmentIds?.length || input.replyToId) return postAlone(conversationId, input);
  return batches.submit(conversationId, input);
}
