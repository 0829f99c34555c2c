// The shipped nginx configuration (deploy/nginx) run for tests: its absolute paths pointed
// into a scratch folder (the upstream list, a self-signed certificate), wrapped in a minimal
// nginx.conf; optionally listening on a free local port in front of given Parley instances.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

export const DEPLOY = path.resolve(import.meta.dirname, '../deploy');
export const readDeployFile = (file: string) => readFileSync(path.join(DEPLOY, file), 'utf8');

function selfSignedCertificate(work: string): string {
  const tls = path.join(work, 'tls');
  mkdirSync(tls, { recursive: true });
  if (!existsSync(path.join(tls, 'privkey.pem'))) {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        path.join(tls, 'privkey.pem'),
        '-out',
        path.join(tls, 'fullchain.pem'),
      ],
      { stdio: 'ignore' },
    );
  }
  return tls;
}

export interface NginxOptions {
  /** Ports of the Parley instances, in place of the shipped upstream's one. */
  instances?: number[];
  /** Serve HTTPS on this local port (and plain HTTP, which redirects, on `httpPort`). */
  httpsPort?: number;
  httpPort?: number;
}

/** Writes the configuration into `work`; returns the main file, for `nginx -c`. */
export function nginxConfig(
  work: string,
  site = readDeployFile('nginx/parley.conf'),
  options: NginxOptions = {},
): string {
  const tls = selfSignedCertificate(work);
  let upstreamConf = readDeployFile('nginx/upstream.conf');
  if (options.instances) {
    upstreamConf = upstreamConf.replace(
      /^(\s*)server 127\.0\.0\.1:3000 (.*)$/m,
      (_, indent, rest) =>
        options.instances!.map((port) => `${indent}server 127.0.0.1:${port} ${rest}`).join('\n'),
    );
  }
  const upstream = path.join(work, 'upstream.conf');
  writeFileSync(upstream, upstreamConf);
  let conf = site
    .replaceAll('/etc/nginx/parley-upstream.conf', upstream)
    .replaceAll('/etc/parley/tls', tls);
  if (options.httpsPort) {
    conf = conf
      .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
      .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${options.httpsPort} ssl;`)
      .replace(/listen 80;/, `listen 127.0.0.1:${options.httpPort ?? 0};`);
  }
  const siteFile = path.join(work, 'site.conf');
  writeFileSync(siteFile, conf);
  const main = path.join(work, 'nginx.conf');
  writeFileSync(
    main,
    [
      `pid ${work}/nginx.pid;`,
      `error_log ${work}/error.log;`,
      'events {}',
      `http {\n  access_log ${work}/access.log;\n  include ${siteFile};\n}`,
      '',
    ].join('\n'),
  );
  return main;
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

async function listening(port: number, child: ChildProcess, work: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = readFileSync(path.join(work, 'error.log'), 'utf8');
      throw new Error(`nginx exited (${child.exitCode}):\n${log}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.end() && true));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx was not listening on ${port} within 10 s`);
}

/** Starts nginx in the foreground in front of `instances`; its HTTPS address is `url`. */
export async function startNginx(
  work: string,
  options: Required<Pick<NginxOptions, 'instances' | 'httpsPort' | 'httpPort'>>,
): Promise<RunningNginx> {
  const main = nginxConfig(work, undefined, options);
  const child = spawn('nginx', ['-c', main, '-g', 'daemon off;'], { stdio: 'ignore' });
  await listening(options.httpsPort, child, work);
  return {
    url: `https://localhost:${options.httpsPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
