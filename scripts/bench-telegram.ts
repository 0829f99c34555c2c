// Benchmark section: end-to-end latency customer → Telegram, i.e. from sending on the
// widget socket to the message reaching the (fake) Bot API in its topic, with Telegram's
// rate limiting off (no budget in the fake, no pacing or coalescing window in Parley).
// Part of `npm run bench`; `tsx scripts/bench-telegram.ts` runs it alone. The default rate
// sits just under what Telegram accepts from one bot (about 30 messages/s in all).
//
//   BENCH_TELEGRAM_CONVERSATIONS (20)  BENCH_TELEGRAM_RATE (25 msg/s)  BENCH_TELEGRAM_SECONDS (10)
import { FakeTelegram } from '../e2e/fake-telegram/fake-telegram';
import type { Budget } from '../e2e/fake-telegram/state';
import { admin, CustomerClient } from '../test/customer-client';
import { createTestDatabase } from '../test/database';
import { startServer } from '../test/server';

const CONVERSATIONS = Number(process.env.BENCH_TELEGRAM_CONVERSATIONS ?? 20);
const RATE = Number(process.env.BENCH_TELEGRAM_RATE ?? 25);
const SECONDS = Number(process.env.BENCH_TELEGRAM_SECONDS ?? 10);
const CHAT = -1009999999999;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** The fake Bot API with the support group, and a Parley server of its own pointed at it. */
async function benchStack(budget: Budget | null, label: string) {
  const fake = new FakeTelegram({ budget });
  await fake.start();
  fake.addSupportGroup(CHAT);
  const server = await startServer({
    database: await createTestDatabase(label),
    env: {
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_SUPPORT_CHAT_ID: String(CHAT),
      TELEGRAM_API_ROOT: fake.url,
    },
  });
  return { fake, server };
}

export async function telegramLatency(): Promise<void> {
  const { fake, server } = await benchStack(null, 'bench_telegram');
  try {
    await admin(server.url, '/settings', {
      telegram: { messagesPerMinute: 1_000_000, coalesceWindowMs: 0 },
    });
    const customers = await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, i) => {
        const customer = await CustomerClient.start(server.url, { name: `Bench ${i}` });
        await customer.connect();
        return customer;
      }),
    );
    const sentAt = new Map<string, number>();
    // The first message of each conversation also opens its topic: measured apart.
    const firstLines = new Set<string>();
    const total = Math.round(RATE * SECONDS);
    const sends: Promise<unknown>[] = [];
    const began = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = began + (i * 1000) / RATE - performance.now();
      if (wait > 1) await sleep(wait);
      const c = i % CONVERSATIONS;
      const text = `bench c${c} m${Math.floor(i / CONVERSATIONS)}`;
      if (i < CONVERSATIONS) firstLines.add(text);
      sentAt.set(text, Date.now());
      sends.push(customers[c]!.send(text));
    }
    await Promise.all(sends);
    const arrivedAt = new Map<string, number>();
    const deadline = Date.now() + 60_000;
    while (arrivedAt.size < total && Date.now() < deadline) {
      for (const topic of fake.topics(CHAT)) {
        for (const message of fake.botMessages(CHAT, topic.thread_id)) {
          if (!message.text.startsWith('👤 ')) continue;
          for (const line of message.text.split('\n').slice(1)) {
            if (!arrivedAt.has(line)) arrivedAt.set(line, message.at);
          }
        }
      }
      await sleep(20);
    }
    const seconds = (performance.now() - began) / 1000;
    const latency = (lines: string[]) =>
      lines
        .filter((line) => arrivedAt.has(line))
        .map((line) => arrivedAt.get(line)! - sentAt.get(line)!)
        .sort((a, b) => a - b);
    const later = latency([...sentAt.keys()].filter((line) => !firstLines.has(line)));
    const first = latency([...firstLines]);
    const posts = fake.world.calls.filter((call) => call.method === 'sendMessage').length;
    console.log(
      `\n== customer → Telegram (fake Bot API, rate limiting off; ${CONVERSATIONS} conversations, ${RATE} msg/s for ${SECONDS} s)`,
    );
    console.log(
      `arrived ${arrivedAt.size} of ${total} in ${seconds.toFixed(1)} s, in ${posts} sendMessage calls (headers and coalesced posts included)`,
    );
    const report = (label: string, sorted: number[]) =>
      console.log(
        `${label}: p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms  (n=${sorted.length})`,
      );
    report('latency, later messages (the first ones wait for their topic)', later);
    report('latency, first message (topic + header first)', first);
    for (const customer of customers) customer.close();
  } finally {
    await server.dispose();
    await fake.stop();
  }
}

/** The first line of `text` found in a bot post of the chat, with when it arrived. */
function arrival(fake: FakeTelegram, text: string): number | null {
  for (const topic of fake.topics(CHAT)) {
    for (const message of fake.botMessages(CHAT, topic.thread_id)) {
      if (message.text.split('\n').includes(text)) return message.at;
    }
  }
  return null;
}

async function arrivalOf(fake: FakeTelegram, text: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const at = arrival(fake, text);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`"${text}" never reached Telegram`);
    await sleep(10);
  }
}

/**
 * On an idle group, with Telegram's real budget in the fake (20 calls a minute per group,
 * 429 beyond) and Parley's default pacing: how long a new conversation's first message
 * takes to reach its new topic, how long a later one takes, and the calls spent on them.
 */
export async function telegramIdleGroup(): Promise<void> {
  const { fake, server } = await benchStack({ limit: 20, windowMs: 60_000 }, 'bench_telegram_idle');
  try {
    const customer = await CustomerClient.start(server.url, { name: 'Idle group' });
    await customer.connect();
    const callsInto = () => fake.world.calls.filter((call) => call.chatId === CHAT).length;
    const measure = async (text: string) => {
      const calls = callsInto();
      const sent = Date.now();
      await customer.send(text);
      const latency = (await arrivalOf(fake, text)) - sent;
      return { latency, calls: callsInto() - calls };
    };
    const first = await measure('idle first message');
    await sleep(2000);
    const later = await measure('idle later message');
    console.log(
      "\n== customer → Telegram on an idle group (Telegram's real budget in the fake, default pacing and coalescing)",
    );
    console.log(
      `first message of a new conversation: ${first.latency} ms, ${first.calls} Bot API calls (topic and header included)`,
    );
    console.log(`a later message: ${later.latency} ms, ${later.calls} Bot API calls`);
    console.log(`429s answered by the fake: ${fake.world.rateLimited}`);
    customer.close();
  } finally {
    await server.dispose();
    await fake.stop();
  }
}

if (require.main === module) {
  telegramLatency()
    .then(telegramIdleGroup)
    .then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
}
