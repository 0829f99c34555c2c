// The Telegram outbox worker. Per lane (a conversation's topic) it sends the first pending
// row (in event order) and only then the next, so a topic never sees item N+1 before N. Every call waits for
// the chat's pacing slot; a 429 pauses the chat; customer messages that pile up meanwhile
// go out as one post. What was sent is recorded part by part, so a restart resumes where
// it stopped. Several instances may run it: a lane's head row is leased.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { systemActor } from '../actor';
import { detachTelegramTopic } from '../conversations/attach-telegram-topic';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { type TelegramOutboxRow, telegramOutbox } from '../db/schema';
import { logger } from '../log';
import { getSettings } from '../settings/settings';
import type { TelegramSettings } from '../settings/telegram-settings';
import { type CallFailure, classifyFailure, type Telegram } from './api';
import { customerLine, MAX_MESSAGE_LENGTH, splitText } from './format';
import { onTelegramSenderWake } from './outbox';
import { pauseChat, pausedUntil, reserveSlot } from './pacing';
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

const MAX_REJECTIONS = 5;
const isClosedStatus = (status: string) => status === 'closed' || status === 'blocked';

/**
 * A row may go out once every earlier event of its conversation reached the outbox. After
 * a crash an event's delivery can stay leased while later ones go through; without this,
 * its rows would be posted after theirs.
 */
const readyInOrder = (row: SQL) => sql`not exists (
  select 1 from deliveries d join events e on e.id = d.event_id
  where d.subscriber = 'telegram' and d.status = 'pending'
    and e.conversation_id = ${row}.conversation_id and e.id < ${row}.position)`;
const backoffMs = (attempts: number) => Math.min(300_000, 1000 * 2 ** Math.min(attempts, 9));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class TelegramSender {
  private readonly topics: TopicKeeper;
  private readonly active = new Map<string, Promise<void>>();
  private readonly leaseSeconds: number;
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private offWake: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private cached: { at: number; value: TelegramSettings } | undefined;
  /** The row each lane is working on, whose lease is renewed while it waits. */
  private readonly current = new Map<string, number>();

  constructor(private readonly options: SenderOptions) {
    this.leaseSeconds = options.leaseSeconds ?? 20;
    this.topics = new TopicKeeper(options.database, (chatId, work) => this.call(chatId, work), {
      supportChatId: options.supportChatId,
      silent: options.silent,
    });
  }

  start(): void {
    this.offWake = onTelegramSenderWake(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 500);
    this.timer.unref();
    // Keeps the leases of the rows being worked on while their lanes wait for slots.
    this.heartbeat = setInterval(() => void this.renewLeases(), (this.leaseSeconds * 1000) / 3);
    this.heartbeat.unref();
    this.wake();
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
    this.ticking = this.tick()
      .catch((error) => logger().error({ err: error }, 'telegram outbox pass failed'))
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
    const heads = rowsOf<{ id: number | string; lane: string; waiting: boolean }>(
      await this.options.database.execute(sql`
        select id, lane, not ${readyInOrder(sql`o`)} as waiting from (
          select distinct on (lane) id, lane, position, conversation_id, next_attempt_at,
                 locked_until
          from telegram_outbox where status = 'pending'
          order by lane, position, id
        ) o
        where next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by position, id limit 200`),
    );
    // A lane waiting for an earlier event is looked at again soon, not at the next poll.
    if (heads.some((head) => head.waiting)) setTimeout(() => this.wake(), 50).unref();
    for (const head of heads) {
      if (this.stopping) return;
      if (head.waiting || this.active.has(head.lane)) continue;
      const leased = await this.lease(Number(head.id));
      if (!leased) continue;
      const run = this.runLane(leased).finally(() => {
        this.active.delete(head.lane);
        this.wake();
      });
      this.active.set(head.lane, run);
    }
  }

  private lease(id: number): Promise<TelegramOutboxRow | null> {
    return this.leaseWhere(eq(telegramOutbox.id, id));
  }

  private async leaseWhere(which: SQL): Promise<TelegramOutboxRow | null> {
    const [row] = await this.options.database
      .update(telegramOutbox)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${this.leaseSeconds})` as unknown as Date,
      })
      .where(
        and(
          which,
          eq(telegramOutbox.status, 'pending'),
          sql`(${telegramOutbox.lockedUntil} is null or ${telegramOutbox.lockedUntil} < now())`,
          sql`${telegramOutbox.nextAttemptAt} <= now()`,
          readyInOrder(sql`telegram_outbox`),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Works through one lane in order until it is empty, waiting, or the sender stops. */
  private async runLane(first: TelegramOutboxRow): Promise<void> {
    let item: TelegramOutboxRow | null = first;
    while (item && !this.stopping) {
      this.current.set(item.lane, item.id);
      const done = await this.process(item);
      this.current.delete(item.lane);
      if (!done) return;
      item = await this.nextInLane(item.lane);
    }
    if (item) await this.release(item.id);
  }

  private nextInLane(lane: string): Promise<TelegramOutboxRow | null> {
    return this.leaseWhere(sql`${telegramOutbox.id} = (
      select id from telegram_outbox where lane = ${lane} and status = 'pending'
      order by position, id limit 1)`);
  }

  /** Handles one row; true when it is finished (sent, merged away or dead). */
  private async process(item: TelegramOutboxRow): Promise<boolean> {
    for (let round = 0; round < 3; round++) {
      try {
        await this.perform(item);
        if (item.status !== 'sent') await this.finish(item.id, 'sent');
        return true;
      } catch (error) {
        if (error instanceof Stopped) {
          await this.release(item.id);
          return false;
        }
        if (item.status === 'sent') {
          // The post went out; only closing the topic again failed. The next sync fixes it.
          logger().warn({ err: error, outboxId: item.id }, 'telegram topic upkeep failed');
          return true;
        }
        const failure = error instanceof CallError ? error.failure : classifyFailure(error);
        if (failure.kind === 'thread_missing' && item.conversationId) {
          // Deleted by an admin: forget it; the next round recreates it with a new header.
          await detachTelegramTopic(item.conversationId, systemActor);
          continue;
        }
        if (failure.kind === 'thread_missing' && item.kind === 'delete_topic') {
          await this.finish(item.id, 'sent');
          return true;
        }
        if (failure.kind === 'topic_closed' && item.conversationId) {
          await this.topics.reopen(item.conversationId);
          continue;
        }
        if (failure.kind === 'rate_limited' && error instanceof CallError) {
          await pauseChat(this.options.database, error.chatId, failure.retryAfterSeconds);
          await this.retryLater(item, failure, failure.retryAfterSeconds * 1000, false);
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
    const { telegram } = this.options;
    if (item.kind === 'sync_topic') {
      if (item.conversationId) await this.topics.sync(item.conversationId);
      return;
    }
    if (item.kind === 'delete_topic') {
      await this.call(item.chatId!, (tg) => tg.deleteForumTopic(item.chatId!, item.threadId!));
      return;
    }
    let target: TopicTarget | null = null;
    if (item.conversationId) {
      target = await this.topics.ensure(item.conversationId);
      if (!target) return; // the conversation was deleted
    }
    const chatId = target?.chatId ?? item.chatId!;
    const threadId = target?.threadId ?? item.threadId ?? undefined;
    if (item.coalescible && item.sentMessageIds.length === 0) {
      await this.waitUntil(item.createdAt.getTime() + (await this.settings()).coalesceWindowMs);
    }
    const silent = this.options.silent;
    for (let part = item.sentMessageIds.length; ; part++) {
      await this.waitForSlot(chatId);
      if (item.coalescible) await this.coalesce(item, target?.conversation.customerName ?? null);
      const parts = splitText(item.text ?? '');
      if (part >= parts.length) break;
      const sent = await this.invoke(chatId, () =>
        telegram.sendMessage(chatId, parts[part]!, {
          message_thread_id: threadId,
          disable_notification: silent,
        }),
      );
      const last = part + 1 >= parts.length && !item.pin;
      item.sentMessageIds = await this.recordPart(item.id, sent.message_id, last);
      if (last) item.status = 'sent';
      if (part + 1 >= parts.length) break;
    }
    if (item.pin && item.sentMessageIds[0]) {
      const messageId = item.sentMessageIds[0];
      await this.call(chatId, (tg) =>
        tg.pinChatMessage(chatId, messageId, { disable_notification: silent }),
      ).catch((error) => logger().warn({ err: error, chatId }, 'could not pin a message'));
    }
    // Posting may have reopened the topic of a closed conversation: close it again.
    if (target && (target.topic.closed || isClosedStatus(target.conversation.status))) {
      const fresh = await this.topics.ensure(target.conversation.id);
      if (fresh) await this.topics.matchClosed(fresh);
    }
  }

  /**
   * Folds the customer messages queued right behind this one into it, as far as they fit
   * in one Telegram message, and freezes the result so a retry sends the same text.
   */
  private async coalesce(item: TelegramOutboxRow, customerName: string | null): Promise<void> {
    const { database } = this.options;
    const prefix = customerLine(customerName);
    if (!(await this.hasFollower(item))) {
      // Alone: nothing to freeze, a retry composes the same single message.
      item.text = `${prefix}\n${item.text ?? ''}`;
      item.coalescible = false;
      return;
    }
    await database.transaction(async (tx) => {
      const following = await tx
        .select({ row: telegramOutbox, ready: readyInOrder(sql`telegram_outbox`).mapWith(Boolean) })
        .from(telegramOutbox)
        .where(
          and(
            eq(telegramOutbox.lane, item.lane),
            eq(telegramOutbox.status, 'pending'),
            sql`(${telegramOutbox.position}, ${telegramOutbox.id}) > (${item.position}, ${item.id})`,
          ),
        )
        .orderBy(telegramOutbox.position, telegramOutbox.id)
        .limit(200)
        .for('update');
      const bodies = [item.text ?? ''];
      const merged: number[] = [];
      let length = customerLine(customerName).length + 1 + bodies[0]!.length;
      for (const { row: next, ready } of following) {
        const text = next.text ?? '';
        const fits = length + 1 + text.length <= MAX_MESSAGE_LENGTH;
        if (!ready || !next.coalescible || !fits) break;
        bodies.push(text);
        merged.push(next.id);
        length += 1 + text.length;
      }
      item.text = `${customerLine(customerName)}\n${bodies.join('\n')}`;
      item.coalescible = false;
      await tx
        .update(telegramOutbox)
        .set({ text: item.text, coalescible: false })
        .where(eq(telegramOutbox.id, item.id));
      if (merged.length) {
        await tx
          .update(telegramOutbox)
          .set({ status: 'merged', mergedInto: item.id, sentAt: new Date(), lockedUntil: null })
          .where(inArray(telegramOutbox.id, merged));
      }
    });
  }

  /** Whether a customer message that may join this one is queued right behind it. */
  private async hasFollower(item: TelegramOutboxRow): Promise<boolean> {
    const rows = rowsOf<{ mergeable: boolean }>(
      await this.options.database.execute(sql`
        select coalescible and ${readyInOrder(sql`telegram_outbox`)} as mergeable
        from telegram_outbox
        where lane = ${item.lane} and status = 'pending'
          and (position, id) > (${item.position}, ${item.id})
        order by position, id limit 1`),
    );
    return rows[0]?.mergeable === true;
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
    const slot = await reserveSlot(this.options.database, chatId, 60_000 / messagesPerMinute);
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
    const ids = [...this.current.values()];
    if (ids.length === 0) return;
    await this.options.database
      .update(telegramOutbox)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${this.leaseSeconds})` as unknown as Date,
      })
      .where(inArray(telegramOutbox.id, ids))
      .catch((error) => logger().warn({ err: error }, 'could not renew telegram leases'));
  }

  /** Keeps a sent part's id; the last one also finishes the row (one round trip). */
  private async recordPart(id: number, messageId: number, last: boolean): Promise<number[]> {
    const [row] = await this.options.database
      .update(telegramOutbox)
      .set({
        ...(last ? { status: 'sent' as const, sentAt: new Date(), lockedUntil: null } : {}),
        sentMessageIds:
          sql`array_append(${telegramOutbox.sentMessageIds}, ${messageId})` as unknown as number[],
      })
      .where(eq(telegramOutbox.id, id))
      .returning({ ids: telegramOutbox.sentMessageIds });
    return row!.ids;
  }

  private async finish(id: number, status: 'sent' | 'dead'): Promise<void> {
    await this.options.database
      .update(telegramOutbox)
      .set({ status, sentAt: new Date(), lockedUntil: null })
      .where(eq(telegramOutbox.id, id));
  }

  private async release(id: number): Promise<void> {
    await this.options.database
      .update(telegramOutbox)
      .set({ lockedUntil: null })
      .where(eq(telegramOutbox.id, id));
  }

  private async retryLater(
    item: TelegramOutboxRow,
    failure: CallFailure,
    delayMs: number,
    counts: boolean,
  ): Promise<void> {
    const attempts = item.attempts + (counts ? 1 : 0);
    const description = 'description' in failure ? failure.description : failure.kind;
    // Telegram refusing the same request again and again will not change its mind.
    const dead = failure.kind === 'rejected' && attempts >= MAX_REJECTIONS;
    logger()[dead ? 'error' : 'warn'](
      { outboxId: item.id, lane: item.lane, attempts, failure: description, dead },
      'telegram delivery failed',
    );
    await this.options.database
      .update(telegramOutbox)
      .set({
        attempts,
        status: dead ? 'dead' : 'pending',
        lastError: description.slice(0, 1000),
        lockedUntil: null,
        nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})` as unknown as Date,
      })
      .where(eq(telegramOutbox.id, item.id));
  }

  private async settings(): Promise<TelegramSettings> {
    if (!this.cached || Date.now() - this.cached.at > 1000) {
      this.cached = { at: Date.now(), value: await getSettings(this.options.database, 'telegram') };
    }
    return this.cached.value;
  }
}
