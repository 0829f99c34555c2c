// Benchmark section: the event pipeline against its budget (DESIGN §10). Each of 100
// conversations has two widget sockets, one that sends and one that only listens, and one
// inbox socket hears them all. Customer messages go out open loop at rising rates, a few
// seconds a step; each is timed from its send to its arrival at the agent socket and at the
// conversation's other socket (Parley persists it first). The same load on a bare
// Socket.IO relay without a database (scripts/bench-relay.ts) is the ceiling. A step that is
// not held ends the run for that target.
//
//   BENCH_PIPELINE_RATES (250,500,1000,2000,3000,4000)  BENCH_STEP_SECONDS (5)
//   BENCH_PIPELINE_CONVERSATIONS (100)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Message } from '@/lib/contracts';
import { signInOverHttp } from '../test/agent-session';
import { CustomerClient } from '../test/customer-client';
import { TEST_ADMIN } from '../test/server';
import { connectAll, ms, percentile, sleep } from './bench-kit';

const RATES = (process.env.BENCH_PIPELINE_RATES ?? '250,500,1000,2000,3000,4000')
  .split(',')
  .map(Number)
  .filter((rate) => rate > 0);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const CONVERSATIONS = Number(process.env.BENCH_PIPELINE_CONVERSATIONS ?? 100);
/** A step is held when every message arrives, and 99 % of them within this. */
const HELD_P99_MS = 1000;

export interface PipelineTarget {
  label: string;
  url: string;
  /** One token per conversation, as its widget would present it. */
  tokens: string[];
  /** The session cookie of the inbox socket (none for the relay). */
  agentCookie?: string;
}

interface Clients {
  senders: Socket[];
  listeners: Socket[];
  agent: Socket;
}

function connectAgent(url: string, cookie?: string): Promise<Socket> {
  const agent = io(`${url}/agent`, {
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    agent.once('connect', () => resolve(agent));
    agent.once('connect_error', reject);
  });
}

interface StepResult {
  rate: number;
  sent: number;
  failures: number;
  held: number;
  agent: number[];
  other: number[];
}

async function step(clients: Clients, label: string, rate: number): Promise<StepResult> {
  const total = Math.round(rate * STEP_SECONDS);
  const sentAt = new Map<string, number>();
  const agent: number[] = [];
  const other: number[] = [];
  let lastArrival = 0;
  const timer = (into: number[]) => (message: Message) => {
    const started = message.clientId ? sentAt.get(message.clientId) : undefined;
    if (started === undefined) return;
    lastArrival = performance.now();
    into.push(lastArrival - started);
  };
  const onAgent = timer(agent);
  const onOther = timer(other);
  clients.agent.on('message', onAgent);
  for (const listener of clients.listeners) listener.on('message', onOther);

  let failures = 0;
  const acks: Promise<void>[] = [];
  const began = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const clientId = `${label.replace(/[^a-z0-9]+/gi, '-')}-${rate}-${i}`;
    sentAt.set(clientId, performance.now());
    acks.push(
      clients.senders[i % clients.senders.length]!.timeout(30_000)
        .emitWithAck('message:send', { clientId, text: `Pipeline benchmark ${i}` })
        .then((ack: { ok: boolean }) => {
          if (!ack.ok) failures++;
          if (!ack.ok && failures === 1) console.log('  first refusal:', JSON.stringify(ack));
        })
        .catch((error: Error) => {
          failures++;
          if (failures === 1) console.log('  first failure:', error.message);
        }),
    );
  }
  await Promise.all(acks);
  const deadline = Date.now() + 10_000;
  const expected = total - failures;
  while ((agent.length < expected || other.length < expected) && Date.now() < deadline) {
    await sleep(20);
  }
  clients.agent.off('message', onAgent);
  for (const listener of clients.listeners) listener.off('message', onOther);
  const delivered = Math.min(agent.length, other.length);
  const held = delivered / (((lastArrival || performance.now()) - began) / 1000);
  return { rate, sent: total, failures, held, agent, other };
}

const p = (samples: number[], at: number) =>
  ms(
    percentile(
      [...samples].sort((a, b) => a - b),
      at,
    ),
  );

function line(result: StepResult): string {
  const { rate, sent, failures, held, agent, other } = result;
  const lost = sent - failures - Math.min(agent.length, other.length);
  return `  ${String(rate).padStart(5)} msg/s: held ${held.toFixed(0).padStart(5)} msg/s · agent socket p50 ${p(agent, 50)} p99 ${p(agent, 99)} · other socket p50 ${p(other, 50)} p99 ${p(other, 99)} · failures ${failures}, not arrived ${lost}`;
}

const isHeld = (result: StepResult) => {
  const all = [...result.agent, ...result.other].sort((a, b) => a - b);
  return (
    result.failures === 0 &&
    Math.min(result.agent.length, result.other.length) === result.sent &&
    percentile(all, 99) <= HELD_P99_MS
  );
};

/** Runs the rising steps against one target and prints a line per step. */
export async function pipelineSteps(target: PipelineTarget): Promise<void> {
  console.log(
    `\n== ${target.label}: customer → agent socket and → the conversation's other socket (${target.tokens.length} conversations, ${STEP_SECONDS} s a step, open loop)`,
  );
  const senders = await connectAll(target.url, target.tokens);
  const listeners = await connectAll(target.url, target.tokens);
  const agent = await connectAgent(target.url, target.agentCookie);
  try {
    for (const rate of RATES) {
      const result = await step({ senders, listeners, agent }, target.label, rate);
      console.log(line(result));
      if (!isHeld(result)) {
        console.log(`  (not held at ${rate} msg/s: the higher steps are not run)`);
        break;
      }
      await sleep(1000);
    }
  } finally {
    agent.close();
    for (const socket of [...senders, ...listeners]) socket.close();
  }
}

/**
 * The pipeline steps against Parley: conversations started and the agent signed in over
 * HTTP, as a widget and the inbox would, so an embedded database works as well.
 */
export async function parleyPipeline(label: string, url: string): Promise<void> {
  const tokens: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    tokens.push((await CustomerClient.start(url, { name: `Pipeline ${i}` })).token);
  }
  const agentCookie = await signInOverHttp(url, TEST_ADMIN.email, TEST_ADMIN.password);
  await pipelineSteps({ label, url, tokens, agentCookie });
}

/** The same steps against the bare relay, in a process of its own. */
export async function relayPipeline(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bench-relay.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const found = /listening on (\d+)/.exec(chunk.toString());
        if (found) resolve(Number(found[1]));
      });
      child.once('exit', (code) => reject(new Error(`the relay exited (${code})`)));
    });
    const tokens = Array.from({ length: CONVERSATIONS }, (_, i) => `conversation-${i}`);
    await pipelineSteps({
      label: 'bare Socket.IO relay (the ceiling)',
      url: `http://127.0.0.1:${port}`,
      tokens,
    });
  } finally {
    child.kill();
  }
}
