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
import { database, db } from './db/client';
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
  if (database().kind === 'postgres') {
    return new RateLimiterDrizzle({ ...limit, storeClient: currentDatabase, schema: rateLimits });
  }
  return new RateLimiterMemory(limit);
}

const limiters = () =>
  processSingleton('rate-limiters', () => {
    const { rateLimits: limits, attachments } = env();
    return {
      conversations: sharedLimiter({
        keyPrefix: 'conversations',
        points: limits.conversationsPerHour,
        duration: 3600,
      }),
      messages: sharedLimiter({
        keyPrefix: 'messages',
        points: limits.messagesPerMinute,
        duration: 60,
      }),
      uploads: sharedLimiter({
        keyPrefix: 'uploads',
        points: attachments.uploadsPerMinute,
        duration: 60,
      }),
    };
  });

async function consume(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('rate_limited', `Too many ${what}; try again in ${seconds} s`, seconds);
  }
}

export const limitConversationStarts = (ip: string) =>
  consume(limiters().conversations, ip, 'new conversations');

export const limitMessages = (conversationId: string) =>
  consume(limiters().messages, conversationId, 'messages');

export const limitUploads = (conversationId: string) =>
  consume(limiters().uploads, conversationId, 'uploads');
