// Long polling (getUpdates) for installations without a public URL. Updates are handed to
// `onUpdate` one by one in update_id order; the offset moves past an update once it was
// handled, or after a few failed tries (logged) so one bad update cannot stall the group.
import type { Update } from 'telegraf/types';
import { isDatabaseUnavailable } from '../db/errors';
import { OutageBackoff } from '../db/outage';
import { logger } from '../log';
import { classifyFailure, type Telegram } from './api';

// my_chat_member: the console's setup lists the groups the bot was added to.
const ALLOWED = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;
const MAX_TRIES = 5;

export class TelegramPoller {
  private offset = 0;
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private readonly tries = new Map<number, number>();
  private readonly outage = new OutageBackoff('Telegram polling');

  constructor(
    private readonly telegram: Telegram,
    private readonly onUpdate: (update: unknown) => Promise<unknown>,
    private readonly timeoutSeconds = 25,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
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
