// Rate limits per IP (new conversations) and per conversation (messages), answered with
// 429 `rate_limited` and the seconds to wait.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from './env';
import { AppError } from './errors';
import { processSingleton } from './singleton';

const limiters = () =>
  processSingleton('rate-limiters', () => {
    const { rateLimits } = env();
    return {
      conversations: new RateLimiterMemory({
        keyPrefix: 'conversations',
        points: rateLimits.conversationsPerHour,
        duration: 3600,
      }),
      messages: new RateLimiterMemory({
        keyPrefix: 'messages',
        points: rateLimits.messagesPerMinute,
        duration: 60,
      }),
    };
  });

async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
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

const uploadLimiter = () =>
  processSingleton(
    'rate-limiters.uploads',
    () =>
      new RateLimiterMemory({
        keyPrefix: 'uploads',
        points: env().attachments.uploadsPerMinute,
        duration: 60,
      }),
  );

export const limitUploads = (conversationId: string) =>
  consume(uploadLimiter(), conversationId, 'uploads');
