// The Telegram outbox worker. Per lane (a conversation's topic) it sends the first pending
// row (in event order) and only then the next, so a topic never sees item N+1 before N.
// Every call waits for the chat's pacing slot; a 429 pauses the chat; customer messages
// that pile up meanwhile (or in the coalescing window of a busy group) go out as one post.
// What was sent is recorded part by part, so a restart resumes where it stopped. Several
// instances may run it: lane heads are leased.
import { systemActor } from '../actor';
import { isEnded } from '../contracts/conversation-state';
import type { TelegramSettings } from '../contracts/settings';
import { detachTelegramTopic } from '../conversations/attach-telegram-topic';
import type { Database } from '../db/client';
import { OutageBackoff } from '../db/outage';
import type { TelegramOutboxRow } from '../db/schema';
import { reportTelegramState } from '../health';
import { logger } from '../log';
import { metrics } from '../metrics';
import { getSettings } from '../settings/settings';
import { type CallFailure, classifyFailure, isCustomerChatGone, type Telegram } from './api';
import { copyInCustomerChat } from './customer-copies';
import { customerLine, splitText } from './format';
import { loadMediaFiles, type Place, planMedia, remainingSteps, sendMediaStep } from './media';
import { MessageCopies } from './message-copies';
import { onTelegramSenderWake } from './outbox';
import { OutboxQueue } from './outbox-queue';
import { isReservoirLow, paceFor, paceOf, pauseChat, pausedUntil, reserveSlot } from './pacing';
import { TopicKeeper, type TopicTarget } from './topic-keeper';

export interface SenderOptions {
  database: Database;
  telegram: Telegram;
  supportChatId: number;
  silent: boolean;
  pollIntervalMs?: number;
  leaseSeconds?: number;
}

/** A failed Bot API call and the chat it was made in (a 429 pauses that chat). */
class CallError extends Error {
  constructor(
    readonly chatId: number,
    readonly failure: CallFailure,
  ) {
    super('description' in failure ? failure.description : failure.kind);
  }
}

class Stopped extends Error {}

// Refusals are nearly always the group's setup (bot removed, rights taken away), which an
// admin can fix: keep trying, with the backoff at its 5-minute cap, for about a day.
const MAX_REJECTIONS = 300;
/** How often rows held back by a rejected token try again; a sender started with a new
 * token retries them at once. */
const TOKEN_RETRY_MS = 10_000;
const TOKEN_REJECTED = {
  state: 'the bot token was rejected by Telegram (401)',
  fix: 'The token was revoked or replaced: get the current one from @BotFather (/token) and save it in Admin → Telegram. Messages wait in the outbox until then.',
};

const backoffMs = (attempts: number) => Math.min(300_000, 1000 * 2 ** Math.min(attempts, 9));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class TelegramSender {
  private readonly topics: TopicKeeper;
  private readonly copies: MessageCopies;
  private readonly queue: OutboxQueue;
  private readonly active = new Map<string, Promise<void>>();
  private readonly leaseSeconds: number;
  private stopping = false;
  private readonly outage = new OutageBackoff('the Telegram sender');
  private ticking: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private offWake: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private cached: { at: number; value: TelegramSettings } | undefined;
  private failing = false;
  /** The row each lane is working on, whose lease is renewed while it waits. */
  private readonly current = new Map<string, number>();

  constructor(private readonly options: SenderOptions) {
    this.leaseSeconds = options.leaseSeconds ?? 20;
    this.queue = new OutboxQueue(options.database, this.leaseSeconds);
    const call = <T>(chatId: number, work: (telegram: Telegram) => Promise<T>) =>
      this.call(chatId, work);
    this.topics = new TopicKeeper(options.database, call, {
      supportChatId: options.supportChatId,
      silent: options.silent,
    });
    this.copies = new MessageCopies(options.database, call, options.silent);
  }

  start(): void {
    this.offWake = onTelegramSenderWake(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 500);
    this.timer.unref();
    // Keeps the leases of the rows being worked on while their lanes wait for slots.
    this.heartbeat = setInterval(() => void this.renewLeases(), (this.leaseSeconds * 1000) / 3);
    this.heartbeat.unref();
    // A new configuration (say, a working token after a revoked one) starts a new sender.
    this.queue
      .retryHeldByToken()
      .catch((error) => logger().warn({ err: error }, 'could not retry rows held by the token'))
      .finally(() => this.wake());
  }

  /** Finishes the calls under way, hands unfinished rows back, and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.offWake?.();
    await this.ticking;
    await Promise.race([Promise.all(this.active.values()), sleep(5000)]);
    clearInterval(this.heartbeat);
  }

  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.outage.resting()) return;
    this.ticking = this.tick()
      .then(() => this.outage.succeeded())
      .catch((error) => this.outage.failed(error, 'telegram outbox pass failed'))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Starts a worker for every lane whose head row is due and free. */
  private async tick(): Promise<void> {
    const heads = await this.queue.dueHeads();
    // A lane waiting for an earlier event is looked at again soon, not at the next poll.
    if (heads.some((head) => head.waiting)) setTimeout(() => this.wake(), 50).unref();
    for (const head of heads) {
      if (this.stopping) return;
      if (head.waiting || this.active.has(head.lane)) continue;
      const leased = await this.queue.lease(head.id);
      if (!leased) continue;
      const run = this.runLane(leased).finally(() => {
        this.active.delete(head.lane);
        this.wake();
      });
      this.active.set(head.lane, run);
    }
  }

  /** Works through one lane in order until it is empty, waiting, or the sender stops. */
  private async runLane(first: TelegramOutboxRow): Promise<void> {
    let item: TelegramOutboxRow | null = first;
    while (item && !this.stopping) {
      this.current.set(item.lane, item.id);
      const done = await this.process(item);
      this.current.delete(item.lane);
      if (!done) return;
      item = await this.queue.leaseNextInLane(item.lane);
    }
    if (item) await this.queue.release(item.id);
  }

  /** Handles one row; true when it is finished (sent, merged away or dead). */
  private async process(item: TelegramOutboxRow): Promise<boolean> {
    for (let round = 0; round < 3; round++) {
      try {
        await this.perform(item);
        if (item.status !== 'sent') await this.queue.finish(item.id);
        if (this.failing) {
          this.failing = false;
          reportTelegramState('ok');
        }
        return true;
      } catch (error) {
        if (error instanceof Stopped) {
          await this.queue.release(item.id);
          return false;
        }
        if (item.status === 'sent') {
          // The post went out; only closing the topic again failed. The next sync fixes it.
          logger().warn({ err: error, outboxId: item.id }, 'telegram topic upkeep failed');
          return true;
        }
        const failure = error instanceof CallError ? error.failure : classifyFailure(error);
        if (item.kind === 'customer_post' && isCustomerChatGone(failure)) {
          // The customer blocked the bot or left Telegram: nothing to fix, nothing to retry.
          logger().info({ outboxId: item.id }, 'a customer chat no longer takes messages');
          await this.queue.reschedule(item.id, {
            attempts: item.attempts + 1,
            dead: true,
            error: 'description' in failure ? failure.description : failure.kind,
            delayMs: 0,
          });
          return true;
        }
        if (failure.kind === 'thread_missing' && item.conversationId) {
          // Deleted by an admin: forget it; the next round recreates it with a new header.
          await detachTelegramTopic(item.conversationId, systemActor);
          continue;
        }
        if (failure.kind === 'thread_missing' && item.kind === 'delete_topic') {
          await this.queue.finish(item.id);
          return true;
        }
        if (failure.kind === 'topic_closed' && item.conversationId) {
          await this.topics.reopen(item.conversationId);
          continue;
        }
        if (failure.kind === 'rate_limited' && error instanceof CallError) {
          metrics().telegramRateLimited.inc();
          await pauseChat(this.options.database, error.chatId, failure.retryAfterSeconds);
          await this.retryLater(item, failure, failure.retryAfterSeconds * 1000, false);
          return false;
        }
        if (failure.kind === 'unauthorized') {
          // Kept, uncounted, until an admin saves a working token (the manager then starts
          // a sender with it); shown in /readyz and the console meanwhile.
          this.failing = true;
          reportTelegramState(TOKEN_REJECTED.state, TOKEN_REJECTED.fix);
          await this.retryLater(item, failure, TOKEN_RETRY_MS, false);
          return false;
        }
        await this.retryLater(item, failure, backoffMs(item.attempts), true);
        return false;
      }
    }
    await this.retryLater(
      item,
      { kind: 'transient', description: 'topic kept vanishing' },
      1000,
      true,
    );
    return false;
  }

  private async perform(item: TelegramOutboxRow): Promise<void> {
    if (item.kind === 'sync_topic') {
      if (item.conversationId) await this.topics.sync(item.conversationId);
      return;
    }
    if (item.kind === 'delete_topic') {
      await this.call(item.chatId!, (tg) => tg.deleteForumTopic(item.chatId!, item.threadId!));
      return;
    }
    if (item.kind === 'customer_post') return this.sendToCustomer(item);
    if (item.kind === 'edit_post') return this.copies.edit(item);
    if (item.kind === 'delete_post') return this.copies.remove(item);
    let target: TopicTarget | null = null;
    if (item.conversationId) {
      target = await this.topics.ensure(item.conversationId);
      if (!target) return; // the conversation was deleted
    }
    const chatId = target?.chatId ?? item.chatId!;
    const threadId = target?.threadId ?? item.threadId ?? undefined;
    // A quiet group gets each customer message at once; one that has spent half its budget
    // waits a moment, so the lines that follow go in the same post.
    if (item.coalescible && item.sentMessageIds.length === 0) {
      const { coalesceWindowMs, messagesPerMinute } = await this.settings();
      const pace = paceFor(messagesPerMinute);
      if (await isReservoirLow(this.options.database, chatId, pace)) {
        await this.waitUntil(item.createdAt.getTime() + coalesceWindowMs);
      }
    }
    const silent = this.options.silent;
    // A quote becomes a reply to the quoted message's copy, when the topic has one.
    const replyTo = await this.copies.replyTarget(item.replyToMessageId);
    if (item.attachmentIds.length > 0) {
      await this.sendMedia(item, { chatId, threadId, silent, replyTo });
    } else {
      await this.sendText(item, target, { chatId, threadId, silent, replyTo });
    }
    if (item.pin && item.sentMessageIds[0]) {
      const messageId = item.sentMessageIds[0];
      await this.call(chatId, (tg) =>
        tg.pinChatMessage(chatId, messageId, { disable_notification: silent }),
      ).catch((error) => logger().warn({ err: error, chatId }, 'could not pin a message'));
    }
    // Posting may have reopened the topic of a closed conversation: close it again.
    if (target && (target.topic.closed || isEnded(target.conversation.status))) {
      const fresh = await this.topics.ensure(target.conversation.id);
      if (fresh) await this.topics.matchClosed(fresh);
    }
  }

  /** What the customer sees, in their private chat with the bot: never silent, no topic. */
  private async sendToCustomer(item: TelegramOutboxRow): Promise<void> {
    const chatId = item.chatId!;
    const replyTo = item.replyToMessageId
      ? await copyInCustomerChat(this.options.database, chatId, item.replyToMessageId)
      : undefined;
    const place: Place = { chatId, silent: false, replyTo };
    if (item.attachmentIds.length > 0) return this.sendMedia(item, place);
    return this.sendText(item, null, place);
  }

  /** A text post, in parts of at most 4096 characters, each recorded once sent; its buttons
   * go under the last part. */
  private async sendText(item: TelegramOutboxRow, target: TopicTarget | null, place: Place) {
    const { chatId, threadId, silent, replyTo } = place;
    const { telegram } = this.options;
    for (let part = item.sentMessageIds.length; ; part++) {
      await this.waitForSlot(chatId);
      if (item.coalescible) {
        await this.queue.coalesce(item, customerLine(target?.conversation.customerName ?? null));
      }
      const parts = splitText(item.text ?? '');
      if (part >= parts.length) break;
      const sent = await this.invoke(chatId, () =>
        telegram.sendMessage(chatId, parts[part]!, {
          message_thread_id: threadId,
          disable_notification: silent,
          ...(replyTo && part === 0
            ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(item.replyMarkup && part + 1 >= parts.length
            ? { reply_markup: item.replyMarkup }
            : {}),
        }),
      );
      const last = part + 1 >= parts.length && !item.pin;
      item.sentMessageIds = await this.queue.recordPart(item.id, sent.message_id, last);
      if (last) item.status = 'sent';
      if (part + 1 >= parts.length) break;
    }
  }

  /** A post with files: the steps not yet sent, each recorded with its messages' ids. */
  private async sendMedia(item: TelegramOutboxRow, place: Place) {
    const { database, telegram } = this.options;
    const files = await loadMediaFiles(database, item.attachmentIds);
    const sent = item.sentMessageIds.length;
    const steps = remainingSteps(planMedia(files, item.text ?? ''), sent);
    for (const [index, step] of steps.entries()) {
      await this.waitForSlot(place.chatId);
      // Only the post's first message answers the quoted one.
      const at = sent === 0 && index === 0 ? place : { ...place, replyTo: undefined };
      const ids = await this.invoke(place.chatId, () =>
        sendMediaStep(telegram, database, step, at),
      );
      const last = index === steps.length - 1 && !item.pin;
      item.sentMessageIds = await this.queue.recordPart(item.id, ids, last);
      if (last) item.status = 'sent';
    }
  }

  /** One paced Bot API call into `chatId`. */
  private async call<T>(chatId: number, work: (telegram: Telegram) => Promise<T>): Promise<T> {
    await this.waitForSlot(chatId);
    return this.invoke(chatId, () => work(this.options.telegram));
  }

  private async invoke<T>(chatId: number, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new CallError(chatId, classifyFailure(error));
    }
  }

  /** Waits for the chat's next slot and any 429 pause, keeping the row's lease alive. */
  private async waitForSlot(chatId: number): Promise<void> {
    const { messagesPerMinute } = await this.settings();
    const slot = await reserveSlot(
      this.options.database,
      chatId,
      paceOf(chatId, messagesPerMinute),
    );
    metrics().telegramPacingWait.observe(Math.max(0, slot - Date.now()) / 1000);
    // A slot taken now already lies past any pause; only a wait can overlap a new 429.
    if (slot <= Date.now()) return;
    await this.waitUntil(slot);
    for (;;) {
      const until = await pausedUntil(this.options.database, chatId);
      if (until <= Date.now()) return;
      await this.waitUntil(until);
    }
  }

  private async waitUntil(time: number): Promise<void> {
    while (Date.now() < time) {
      if (this.stopping) throw new Stopped();
      await sleep(Math.min(time - Date.now(), 250));
    }
    if (this.stopping) throw new Stopped();
  }

  private async renewLeases(): Promise<void> {
    await this.queue
      .renewLeases([...this.current.values()])
      .catch((error) => this.outage.failed(error, 'could not renew telegram leases'));
  }

  private async retryLater(
    item: TelegramOutboxRow,
    failure: CallFailure,
    delayMs: number,
    counts: boolean,
  ): Promise<void> {
    const attempts = item.attempts + (counts ? 1 : 0);
    const description = 'description' in failure ? failure.description : failure.kind;
    const dead = failure.kind === 'rejected' && attempts >= MAX_REJECTIONS;
    if (failure.kind === 'rejected') {
      // Shown in /readyz until a send succeeds again.
      this.failing = true;
      reportTelegramState(`delivery failing: ${description}`);
    }
    logger()[dead ? 'error' : 'warn'](
      { outboxId: item.id, lane: item.lane, attempts, failure: description, dead },
      'telegram delivery failed',
    );
    await this.queue.reschedule(item.id, { attempts, dead, error: description, delayMs });
  }

  private async settings(): Promise<TelegramSettings> {
    if (!this.cached || Date.now() - this.cached.at > 1000) {
      this.cached = { at: Date.now(), value: await getSettings(this.options.database, 'telegram') };
    }
    return this.cached.value;
  }
}
