// Rate limits per IP (new conversations) and per conversation (messages, uploads), answered
// with 429 `rate_limited` and the seconds to wait. The counters live where every instance
// sees them: Redis when REDIS_URL is set, PostgreSQL otherwise (the `rate_limits` table), and
// memory with the embedded database, which one instance alone can open.
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { database, db, type Queryable } from './db/client';
import { rateLimits } from './db/schema';
import { env } from './env';
import { AppError } from './errors';
import { sharedRedis } from './redis';
import { processSingleton } from './singleton';

interface Limit {
  keyPrefix: string;
  points: number;
  duration: number;
}

// The database client is looked up on every call: tests and restarts may open a new one.
const currentDatabase = {
  insert: (table: typeof rateLimits) => db().insert(table),
  select: (fields?: Record<string, never>) => (fields ? db().select(fields) : db().select()),
  delete: (table: typeof rateLimits) => db().delete(table),
};

const usesPostgres = () => !env().redisUrl && database().kind === 'postgres';

function sharedLimiter(limit: Limit): RateLimiterAbstract {
  const { redisUrl } = env();
  if (redisUrl) {
    // Redis gone: each instance counts on its own until it is back, rather than refusing.
    return new RateLimiterRedis({
      ...limit,
      storeClient: sharedRedis(redisUrl),
      insuranceLimiter: new RateLimiterMemory(limit),
    });
  }
  if (usesPostgres()) {
    return new RateLimiterDrizzle({ ...limit, storeClient: currentDatabase, schema: rateLimits });
  }
  return new RateLimiterMemory(limit);
}

const limitsFor = () => {
  const { rateLimits: limits, attachments } = env();
  return {
    conversations: {
      keyPrefix: 'conversations',
      points: limits.conversationsPerHour,
      duration: 3600,
    },
    messages: { keyPrefix: 'messages', points: limits.messagesPerMinute, duration: 60 },
    uploads: { keyPrefix: 'uploads', points: attachments.uploadsPerMinute, duration: 60 },
  } satisfies Record<string, Limit>;
};
type LimitName = keyof ReturnType<typeof limitsFor>;

const limiters = () =>
  processSingleton('rate-limiters', () => {
    const limits = limitsFor();
    return {
      conversations: sharedLimiter(limits.conversations),
      messages: sharedLimiter(limits.messages),
      uploads: sharedLimiter(limits.uploads),
    };
  });

/**
 * Inside a transaction the count is kept on its connection (PostgreSQL): no second
 * connection is needed while the transaction holds one, and a refused or failed request
 * rolls its count back with everything else.
 */
function limiterOf(name: LimitName, tx?: Queryable): RateLimiterAbstract {
  if (!tx || !usesPostgres()) return limiters()[name];
  return new RateLimiterDrizzle({
    ...limitsFor()[name],
    storeClient: tx,
    schema: rateLimits,
    clearExpiredByTimeout: false,
  });
}

async function consume(name: LimitName, key: string, what: string, tx?: Queryable) {
  try {
    await limiterOf(name, tx).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('rate_limited', `Too many ${what}; try again in ${seconds} s`, seconds);
  }
}

export const limitConversationStarts = (ip: string) =>
  consume('conversations', ip, 'new conversations');

/**
 * Whether a message's count is kept in its own transaction (PostgreSQL without Redis), so
 * that a refused or repeated message rolls it back with everything else.
 */
export const messageCountsRollBack = () => usesPostgres();

/** Counted in the message's transaction `tx`, when it has one. */
export const limitMessages = (conversationId: string, tx?: Queryable) =>
  consume('messages', conversationId, 'messages', tx);

export const limitUploads = (conversationId: string) =>
  consume('uploads', conversationId, 'uploads');
