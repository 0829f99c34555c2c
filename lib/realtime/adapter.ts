// How Socket.IO reaches the sockets of other instances: through Redis when REDIS_URL is set,
// through PostgreSQL's NOTIFY otherwise (the database every instance already shares), and
// not at all with the embedded database, which only one instance can open. Broadcasts,
// `fetchSockets()` (presence, "who is viewing") and room joins then work across instances.
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Namespace, Server } from 'socket.io';
import { type ClusterAdapter, type ClusterMessage, MessageType } from 'socket.io-adapter';
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

/** What instances say to find each other: sent even while an instance is alone. */
const DISCOVERY = new Set<MessageType>([
  MessageType.INITIAL_HEARTBEAT,
  MessageType.HEARTBEAT,
  MessageType.ADAPTER_CLOSE,
]);

type Publishing = { doPublish(message: ClusterMessage): Promise<string> };

/**
 * The PostgreSQL adapter publishes every broadcast with a NOTIFY and delivers it locally
 * only afterwards. An instance that knows no other (instances announce themselves when they
 * start, and by heartbeat) skips that round trip: alone, it is the in-memory adapter.
 */
function aloneSkipsPublishing(
  factory: (nsp: Namespace) => ClusterAdapter,
): (nsp: Namespace) => ClusterAdapter {
  // Socket.IO calls it with `new`: a function, not an arrow, returning the adapter.
  return function skipping(nsp) {
    const adapter = factory(nsp);
    const publishing = adapter as unknown as Publishing;
    const publish = publishing.doPublish.bind(adapter);
    publishing.doPublish = async (message) => {
      if (!DISCOVERY.has(message.type) && (await adapter.serverCount()) === 1) return '';
      return publish(message);
    };
    return adapter;
  };
}

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
    // Its own small pool: one connection LISTENs, the others send NOTIFYs.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    pool.on('error', onError);
    const factory = createPostgresAdapter(pool, { errorHandler: onError });
    io.adapter(aloneSkipsPublishing(factory as never) as never);
    return {
      kind: 'postgres',
      async close() {
        await pool.end().catch(() => {});
      },
    };
  }
  return { kind: 'memory', close: async () => {} };
}
