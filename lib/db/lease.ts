// One instance at a time: a named lease in the `leases` table, taken when free or expired,
// renewed by its holder, released on a clean stop. Times are the database's, so instances
// with skewed clocks still agree on who holds it. A holder that dies simply stops renewing:
// another instance takes the lease once it expires.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { leases } from './schema';

/** This process, as lease holders and logs name it. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export class Lease {
  constructor(
    private readonly database: Database,
    readonly name: string,
    readonly ttlMs: number,
    readonly holder: string = INSTANCE_ID,
  ) {}

  /** Takes or renews the lease; true while this holder has it for another `ttlMs`. */
  async acquire(): Promise<boolean> {
    const expiresAt = sql`now() + ${`${this.ttlMs} milliseconds`}::interval`;
    const rows = await this.database
      .insert(leases)
      .values({ name: this.name, holder: this.holder, expiresAt })
      .onConflictDoUpdate({
        target: leases.name,
        set: { holder: this.holder, expiresAt },
        setWhere: sql`${leases.holder} = ${this.holder} or ${leases.expiresAt} < now()`,
      })
      .returning({ holder: leases.holder });
    return rows.length > 0;
  }

  /** Lets another instance take over at once. */
  async release(): Promise<void> {
    await this.database
      .delete(leases)
      .where(and(eq(leases.name, this.name), eq(leases.holder, this.holder)));
  }

  /** Who holds it now (an expired lease counts as free). */
  async currentHolder(): Promise<string | null> {
    const [row] = await this.database
      .select({ holder: leases.holder })
      .from(leases)
      .where(and(eq(leases.name, this.name), sql`${leases.expiresAt} >= now()`));
    return row?.holder ?? null;
  }
}
