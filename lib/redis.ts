// One Redis connection per process when REDIS_URL is set, for the shared rate limits (the
// Socket.IO adapter opens its own publish/subscribe pair).
import { Redis } from 'ioredis';
import { logger } from './log';
import { processSingleton, releaseProcessSingleton } from './singleton';

export const sharedRedis = (url: string): Redis =>
  processSingleton('redis', () => {
    const client = new Redis(url, { maxRetriesPerRequest: 2 });
    client.on('error', (error) => logger().warn({ err: error }, 'Redis is not answering'));
    return client;
  });

export async function closeRedis(): Promise<void> {
  await releaseProcessSingleton<Redis>('redis')
    ?.quit()
    .catch(() => {});
}
