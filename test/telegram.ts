import { FakeTelegram, type FakeUser } from '../e2e/fake-telegram/fake-telegram';
import type { Budget } from '../e2e/fake-telegram/state';
import type { Message } from '../lib/contracts';
import { admin, CustomerClient, eventually } from './customer-client';
import type { TestDatabase } from './database';
import { type RunningServer, startServer } from './server';

export const SUPPORT_CHAT = -1001234567890;
export const WEBHOOK_SECRET = 'fake-webhook-secret_0123';

export const ann: FakeUser = { id: 5001, first_name: 'Ann', last_name: 'Agent' };
export const bob: FakeUser = { id: 5002, first_name: 'Bob' };

export interface TelegramStack {
  fake: FakeTelegram;
  server: RunningServer;
  dispose(): Promise<void>;
}

export interface StackOptions {
  mode: 'webhook' | 'polling';
  budget?: Budget | null;
  /** The `telegram` settings (pacing, coalescing), applied before the test starts. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Share a database with the test (e.g. the test file's own, to call lib functions). */
  database?: TestDatabase;
}

/** The test file's own database (test/setup.ts), for a server the test also queries. */
export function fileDatabase(): TestDatabase {
  if (!process.env.DATABASE_URL) throw new Error('these tests need PostgreSQL');
  return {
    kind: 'postgres',
    url: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR!,
    drop: async () => {},
  };
}

/** The fake Bot API with the support group in it. */
export async function startFakeTelegram(budget: Budget | null = null): Promise<FakeTelegram> {
  const fake = new FakeTelegram({ budget });
  await fake.start();
  fake.addSupportGroup(SUPPORT_CHAT);
  return fake;
}

export async function startTelegramStack(options: StackOptions): Promise<TelegramStack> {
  const fake = await startFakeTelegram(options.budget);
  const server = await startServer({
    database: options.database,
    env: {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_SUPPORT_CHAT_ID: String(SUPPORT_CHAT),
      TELEGRAM_API_ROOT: fake.url,
      ...(options.mode === 'webhook' ? { TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
      ...options.env,
    },
  });
  const settings = { coalesceWindowMs: 0, messagesPerMinute: 100_000, ...options.settings };
  const { status } = await admin(server.url, '/settings', { telegram: settings });
  if (status !== 200) throw new Error(`settings refused with ${status}`);
  return {
    fake,
    server,
    async dispose() {
      await server.dispose();
      await fake.stop();
    },
  };
}

/** The topic of a conversation, once Parley created it (found by codename in the title). */
export async function topicOf(fake: FakeTelegram, codename: string, timeoutMs = 15_000) {
  return eventually(
    () => fake.topics(SUPPORT_CHAT).find((t) => t.name.endsWith(codename) && !t.deleted),
    `the topic of ${codename}`,
    timeoutMs,
  );
}

/**
 * A customer who has written once (`first`) on a connected socket, the topic Parley opened
 * for them, and the bot's copy of that first message there.
 */
export async function customerWithTopic(
  stack: TelegramStack,
  name: string,
  first = `Hello from ${name}`,
) {
  const customer = await CustomerClient.start(stack.server.url, { name });
  await customer.connect();
  const sent = await customer.send(first);
  const { codename } = (await customer.history()).body.conversation;
  const topic = await topicOf(stack.fake, codename);
  const copy = await botSays(stack.fake, topic.thread_id, first);
  return { customer, codename, thread: topic.thread_id, first: sent.message as Message, copy };
}

/** Waits for a bot message in the topic whose text matches. */
export async function botSays(fake: FakeTelegram, threadId: number, pattern: RegExp | string) {
  return eventually(
    () =>
      fake
        .botMessages(SUPPORT_CHAT, threadId)
        .find((m) =>
          typeof pattern === 'string' ? m.text.includes(pattern) : pattern.test(m.text),
        ),
    `a bot message matching ${pattern}`,
  );
}

/** Sends an update and insists that the webhook accepted it. */
export async function delivered(push: { delivered: Promise<number> }): Promise<void> {
  const status = await push.delivered;
  if (status !== 200 && status !== 0) throw new Error(`the webhook answered ${status}`);
}

/**
 * SIGKILLs the server's node process itself: tsx runs the server as its child and cannot
 * pass a SIGKILL on, so killing the wrapper would leave the server running. Linux only.
 */
export async function killServerHard(server: RunningServer): Promise<void> {
  await server.stop('SIGKILL');
}
