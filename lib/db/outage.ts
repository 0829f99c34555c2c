// Background work (the dispatcher, the sweeps, the Telegram sender) during a database
// outage: it says so once, waits a little longer between tries (up to a few seconds, so
// it resumes promptly), and says once when it works again. Other failures are logged each
// time, as before.
import { logger } from '../log';
import { describeDatabaseError, isDatabaseUnavailable } from './errors';

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5000;

export class OutageBackoff {
  private outageSince: number | null = null;
  private pauseMs = 0;
  private resumeAt = 0;

  constructor(private readonly what: string) {}

  /** True while the last try failed for want of a database and its pause is not over. */
  resting(now = Date.now()): boolean {
    return this.outageSince !== null && now < this.resumeAt;
  }

  /** Records a failure: quietly during an outage, loudly otherwise. */
  failed(error: unknown, message: string, context: Record<string, unknown> = {}): void {
    if (!isDatabaseUnavailable(error)) {
      logger().error({ err: error, ...context }, message);
      return;
    }
    const now = Date.now();
    if (this.outageSince === null) {
      this.outageSince = now;
      this.pauseMs = FIRST_PAUSE_MS;
      logger().warn(
        { database: describeDatabaseError(error), ...context },
        `the database is not answering; ${this.what} waits and tries again`,
      );
    } else {
      this.pauseMs = Math.min(this.pauseMs * 2, LONGEST_PAUSE_MS);
    }
    this.resumeAt = now + this.pauseMs;
  }

  /** Records a success: ends an outage, saying how long it lasted. */
  succeeded(): void {
    if (this.outageSince === null) return;
    const seconds = Math.round((Date.now() - this.outageSince) / 1000);
    this.outageSince = null;
    logger().info({ outageSeconds: seconds }, `the database answers again; ${this.what} resumed`);
  }
}
