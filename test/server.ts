// Runs the real Parley server (production build) in a child process on a free port, for
// tests that talk to it as a widget or an integration would.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './database';

const ROOT = path.resolve(__dirname, '..');
export const TEST_SERVICE_TOKEN = 'test-service-token-0123456789';
export const TEST_ADMIN = { email: 'ann@example.com', password: 'correct horse battery' };

export interface RunningServer {
  url: string;
  port: number;
  database: TestDatabase;
  /** Everything the server printed so far. */
  logs(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The server's process id, while it runs. */
  pid(): number | undefined;
  /** Starts the server again on the same port, database and environment. */
  restart(): Promise<void>;
  /** Stops the server and drops its database. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a database (e.g. the test file's own); by default a new one is created. */
  database?: TestDatabase;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Ended, by an exit code or by a signal (a killed process has no exit code). */
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForReady(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const how = child.exitCode ?? child.signalCode;
      throw new Error(`server exited (${how}) before it was ready:\n${logs()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`server was not ready within 90 s:\n${logs()}`);
}

/** Spawns the server with only the given environment (plus PATH and HOME). */
export function spawnServer(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
} {
  let output = '';
  // Node itself with tsx's loader (not the tsx wrapper), so signals reach the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return { child, output: () => output };
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` before the server tests');
  }
  const database = options.database ?? (await createTestDatabase('server'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: database.dataDir,
    AUTH_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    WIDGET_ALLOWED_ORIGINS: '*',
    RATE_LIMIT_CONVERSATIONS_PER_HOUR: '100000',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '100000',
    LOG_LEVEL: 'info',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  };

  let previousLogs = '';
  let current = spawnServer(env);
  const logs = () => previousLogs + current.output();
  await waitForReady(url, current.child, logs);

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const { child } = current;
    if (hasExited(child)) return child.exitCode;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill(signal);
    return exited;
  };

  return {
    url,
    port,
    database,
    logs,
    stop,
    pid: () => (hasExited(current.child) ? undefined : current.child.pid),
    async restart() {
      await stop();
      previousLogs = logs();
      current = spawnServer(env);
      await waitForReady(url, current.child, logs);
    },
    async dispose() {
      await stop();
      if (!options.database) await database.drop();
    },
  };
}
