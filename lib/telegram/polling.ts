// Long polling (getUpdates) for installations without a public URL. Updates are handed to
// `onUpdate` one by one in update_id order; the offset moves past an update once it was
// handled, or after a few failed tries (logged) so one bad update cannot stall the group.
// With several instances only the holder of the poller lease polls (Telegram refuses a
// second getUpdates with 409); it renews the lease before every call, and the others stand
// by and take over within seconds once it stops renewing. Updates are processed once
// whoever polls them (see updates.ts), so a takeover that sees an update again is harmless.
import type { Update } from 'telegraf/types';
import { isDatabaseUnavailable } from '../db/errors';
import type { Lease } from '../db/lease';
import { OutageBackoff } from '../db/outage';
import { logger } from '../log';
import { classifyFailure, type Telegram } from './api';

// my_chat_member: the console's setup lists the groups the bot was added to.
const ALLOWED = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;
const MAX_TRIES = 5;

export interface PollerOptions {
  /** How long one getUpdates call waits for updates. */
  timeoutSeconds?: number;
  /** Held while polling; each call is short enough for the lease to be renewed in time. */
  lease?: Lease;
}

export class TelegramPoller {
  private offset = 0;
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private readonly tries = new Map<number, number>();
  private readonly outage = new OutageBackoff('Telegram polling');
  private readonly timeoutSeconds: number;
  private readonly lease: Lease | undefined;
  private holding = false;

  constructor(
    private readonly telegram: Telegram,
    private readonly onUpdate: (update: unknown) => Promise<unknown>,
    options: PollerOptions = {},
  ) {
    this.lease = options.lease;
    const longest = this.lease ? Math.floor(this.lease.ttlMs / 2000) : 25;
    this.timeoutSeconds = Math.max(0, Math.min(options.timeoutSeconds ?? 25, longest));
  }

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    if (this.holding) await this.lease?.release().catch(() => {});
  }

  /** True when this instance may poll now (it holds the lease, or there is none). */
  private async mayPoll(): Promise<boolean> {
    if (!this.lease) return true;
    let held: boolean;
    try {
      held = await this.lease.acquire();
    } catch (error) {
      // Without the database no update could be handled anyway: stand by until it answers.
      this.outage.failed(error, 'the Telegram poller lease could not be renewed');
      held = false;
    }
    if (held !== this.holding) {
      logger().info(
        { holder: this.lease.holder },
        held ? 'Telegram polling on this instance' : 'Telegram polling left to another instance',
      );
      this.holding = held;
    }
    return held;
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      if (!(await this.mayPoll())) {
        await this.pause(this.lease!.ttlMs / 3);
        continue;
      }
      let updates: Update[];
      try {
        updates = await this.telegram.callApi(
          'getUpdates',
          {
            offset: this.offset,
            timeout: this.timeoutSeconds,
            limit: 100,
            allowed_updates: ALLOWED,
          },
          // telegraf types the signal with its abort-controller shim; node's is compatible.
          { signal: this.abort.signal as never },
        );
      } catch (error) {
        if (this.abort.signal.aborted) return;
        const failure = classifyFailure(error);
        const waitSeconds = failure.kind === 'rate_limited' ? failure.retryAfterSeconds : 3;
        logger().warn({ failure }, 'telegram getUpdates failed; polling again shortly');
        await this.pause(waitSeconds * 1000);
        continue;
      }
      // An update without a numeric id cannot be acknowledged by offset: nothing to do with it.
      const numbered = updates.filter((update) => Number.isSafeInteger(update?.update_id));
      for (const update of numbered.sort((a, b) => a.update_id - b.update_id)) {
        if (this.abort.signal.aborted) return;
        if (!(await this.handle(update))) break;
      }
    }
  }

  /** True when the offset may move past this update. */
  private async handle(update: Update): Promise<boolean> {
    try {
      await this.onUpdate(update);
      this.outage.succeeded();
    } catch (error) {
      // The database is away: the same update again once it answers, however long it takes.
      if (isDatabaseUnavailable(error)) {
        this.outage.failed(error, 'telegram update failed');
        await this.pause(2000);
        return false;
      }
      const tries = (this.tries.get(update.update_id) ?? 0) + 1;
      this.tries.set(update.update_id, tries);
      logger().error({ err: error, updateId: update.update_id, tries }, 'telegram update failed');
      if (tries < MAX_TRIES) {
        await this.pause(1000 * tries);
        return false;
      }
    }
    this.tries.delete(update.update_id);
    this.offset = Math.max(this.offset, update.update_id + 1);
    return true;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
