// How Socket.IO reaches the sockets of other instances: through Redis when REDIS_URL is set,
// through PostgreSQL's NOTIFY otherwise (the database every instance already shares), and
// not at all with the embedded database, which only one instance can open. Broadcasts,
// `fetchSockets()` (presence, "who is viewing") and room joins then work across instances.
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Server } from 'socket.io';
import type { DatabaseHandle } from '../db/client';
import { env } from '../env';
import { logger } from '../log';

export type AdapterKind = 'memory' | 'postgres' | 'redis';

export interface SocketAdapter {
  kind: AdapterKind;
  close(): Promise<void>;
}

const onError = (error: Error) =>
  logger().warn({ err: error }, 'the Socket.IO adapter lost its connection; reconnecting');

/** Installs the adapter on `io` before any socket connects. */
export async function installSocketAdapter(
  io: Server,
  handle: DatabaseHandle,
): Promise<SocketAdapter> {
  const { redisUrl, databaseUrl } = env();
  if (redisUrl) {
    const pub = new Redis(redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    pub.on('error', onError);
    sub.on('error', onError);
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createRedisAdapter(pub, sub));
    return {
      kind: 'redis',
      async close() {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      },
    };
  }
  if (handle.kind === 'postgres' && databaseUrl) {
    // Its own small pool: one connection LISTENs, the other sends NOTIFYs.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', onError);
    io.adapter(createPostgresAdapter(pool, { errorHandler: onError }));
    return {
      kind: 'postgres',
      async close() {
        await pool.end().catch(() => {});
      },
    };
  }
  return { kind: 'memory', close: async () => {} };
}
