// Parley's one process: Next.js (App Router) and Socket.IO on one HTTP port, plus the
// event dispatcher. `--dev` runs Next in development mode with hot reload.
import { createServer } from 'node:http';
import next from 'next';
import { Server } from 'socket.io';
import { closeDatabase } from '@/lib/db/client';
import { EmailManager } from '@/lib/email/manager';
import { Dispatcher } from '@/lib/events/dispatcher';
import { startLiveChannels } from '@/lib/events/live';
import { isOriginAllowed } from '@/lib/http/cors';
import { logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';
import { installSocketAdapter } from '@/lib/realtime/adapter';
import { closeRedis } from '@/lib/redis';
import { listenForSettingsChanges } from '@/lib/settings/cache';
import { TelegramManager } from '@/lib/telegram/manager';
import { loadConfigOrExit, prepareDatabase } from './boot';
import { answerClientErrors, prepareRequest } from './http-edge';
import { isMetricsRequest, serveMetrics, timeRequest } from './metrics-endpoint';
import { registerAgentNamespace } from './sockets/agent-namespace';
import { registerCustomerNamespace } from './sockets/customer-namespace';
import { CustomerPresence } from './sockets/customer-presence';
import { Sweeper } from './sweeper';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const dev = process.argv.includes('--dev');
  const log = logger();
  if (config.authSecretGenerated) {
    const level = config.isProduction ? 'warn' : 'info';
    log[level](
      `AUTH_SECRET was not set: generated one and kept it in ${config.dataDir}/auth-secret`,
    );
  }
  const handle = await prepareDatabase(config);

  const httpServer = createServer();
  const app = next({ dev, hostname: config.host, port: config.port, httpServer });
  const handleRequest = app.getRequestHandler();
  await app.prepare();

  const edge = { https: config.publicUrl.startsWith('https://'), dev };
  answerClientErrors(httpServer);
  httpServer.on('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/')) return; // Socket.IO answers these itself
    if (isMetricsRequest(req)) return void serveMetrics(req, res, config.metricsToken);
    timeRequest(req, res);
    prepareRequest(req, res, edge);
    handleRequest(req, res);
  });

  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Next's dev server has its own upgrade listener (HMR): leave foreign upgrades alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isOriginAllowed(req.headers.origin)),
    cors: {
      origin: (origin, callback) => callback(null, isOriginAllowed(origin)),
      credentials: true,
    },
  });
  const adapter = await installSocketAdapter(io, handle);
  const customers = registerCustomerNamespace(io);
  metrics().live.gauges = {
    socketsByNamespace: () => ({
      '/customer': io.of('/customer').sockets.size,
      '/agent': io.of('/agent').sockets.size,
    }),
  };
  const agents = registerAgentNamespace(io, customers);

  // Every registered channel (lib/events/channels): the sockets are pushed by whichever
  // process commits an event; Telegram and email are delivered from their rows, which they
  // get only while they are on.
  const stopLive = startLiveChannels({ customers, agents });
  // Settings and templates are served from memory once this LISTENs for their changes.
  await listenForSettingsChanges().catch((error) =>
    log.warn({ err: error }, 'settings are read uncached until their changes can be heard'),
  );
  const dispatcher = new Dispatcher(handle, { customers, agents });
  await dispatcher.start();
  const sweeper = new Sweeper();
  await sweeper.start(handle);

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  log.info(
    { url: config.publicUrl, port: config.port, dev, socketAdapter: adapter.kind },
    `Parley listening on ${config.publicUrl}`,
  );
  // After listening: a webhook set now may be called at once. The manager follows later
  // changes of the configuration (the console's setup) without a restart.
  const telegram = new TelegramManager(handle);
  await telegram.start();
  const email = new EmailManager(handle);
  await email.start();
  const presence = new CustomerPresence(customers);
  presence.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    // Stop taking requests, let those in flight finish, hand pending events to sockets,
    // then close the sockets and the database. Everything was persisted before it was sent.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await sweeper.stop();
    await dispatcher.stop();
    await telegram.stop();
    presence.stop();
    await email.stop();
    // Disconnects every socket (their clients reconnect, to another instance if there is
    // one) and closes the adapter before its connections go.
    await new Promise<void>((resolve) => io.close(() => resolve()));
    stopLive();
    await closed;
    await app.close?.();
    await adapter.close();
    await closeRedis();
    await closeDatabase();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  logger().fatal({ err: error }, 'Parley failed to start');
  process.exit(1);
});
