// The deploy files in `deploy/` are checked by the tools that will run them: nginx and Caddy
// parse their configurations, systemd verifies the unit, the Dockerfile passes a linter and
// keeps the shape a production image needs, and the compose file starts what it promises.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEPLOY, nginxConfig, readDeployFile } from './nginx';

const read = readDeployFile;
const work = mkdtempSync(path.join(tmpdir(), 'parley-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command; resolves to its combined output and exit status. */
function run(command: string, args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const installed = (binary: string) =>
  ['/usr/sbin', '/usr/bin', '/usr/local/bin'].some((dir) => existsSync(path.join(dir, binary)));

describe('deploy/nginx', () => {
  it.runIf(installed('nginx'))('passes nginx -t, and nginx -t fails on a broken copy', () => {
    const good = run('nginx', ['-t', '-q', '-c', nginxConfig(work)]);
    expect(good).toEqual({ status: 0, output: expect.any(String) });

    const broken = read('nginx/parley.conf').replace('proxy_pass http://parley;', 'proxy_pass;');
    expect(run('nginx', ['-t', '-q', '-c', nginxConfig(work, broken)]).status).not.toBe(0);
  });

  it('forwards WebSocket upgrades with socket-length timeouts, to the named instance', () => {
    const site = read('nginx/parley.conf');
    const sockets = site.slice(site.indexOf('location /socket.io/'));
    expect(sockets).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(sockets).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(sockets).toMatch(/proxy_read_timeout 1h;/);
    expect(site).toContain('X-Forwarded-For');
    expect(read('nginx/upstream.conf')).toMatch(/^\s*server 127\.0\.0\.1:3000 /m);
  });
});

describe('deploy/Caddyfile', () => {
  it.runIf(installed('caddy'))('is a valid Caddy configuration', () => {
    const result = run('caddy', [
      'validate',
      '--config',
      path.join(DEPLOY, 'Caddyfile'),
      '--adapter',
      'caddyfile',
    ]);
    expect(result.output).toContain('Valid configuration');
    expect(result.status).toBe(0);
  });
});

describe('deploy/parley.service', () => {
  it.runIf(installed('systemd-analyze'))('passes systemd-analyze verify', () => {
    const unit = path.join(work, 'parley.service');
    writeFileSync(unit, read('parley.service'));
    expect(run('systemd-analyze', ['verify', unit])).toEqual({ status: 0, output: '' });
  });

  it('runs unprivileged, sandboxed, and stops gracefully', () => {
    const unit = read('parley.service');
    for (const line of [
      'User=parley',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'StateDirectory=parley',
      'KillSignal=SIGTERM',
    ]) {
      expect(unit).toContain(line);
    }
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('has no problem the Dockerfile linter reports', () => {
    const problems = validate(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('builds in one stage and runs from another, as a non-root user with a health check', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM .* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/readyz/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    // Every file the runtime stage copies exists in the repository (or the build makes it).
    const copied = [...dockerfile.matchAll(/^COPY --from=build \S+ (.+) \S+$/gm)].flatMap((m) =>
      m[1]!.split(' ').map((source) => source.replace('/app/', '')),
    );
    const built = new Set(['.next', 'node_modules', 'public']);
    for (const source of copied.filter((s) => !built.has(s))) {
      expect(existsSync(path.resolve(DEPLOY, '..', source)), source).toBe(true);
    }
  });
});

describe('deploy/compose.yaml', () => {
  it('runs Parley on PostgreSQL, started once the database answers', () => {
    const compose = parse(read('compose.yaml'));
    const always = Object.entries(compose.services as Record<string, { profiles?: string[] }>)
      .filter(([, service]) => !service.profiles)
      .map(([name]) => name);
    expect(always.sort()).toEqual(['parley', 'postgres']);
    expect(compose.services.parley.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(compose.services.parley.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.parley.build.dockerfile).toBe('deploy/Dockerfile');
  });

  it('runs two instances behind the shipped nginx configuration in the scaled profile', () => {
    const compose = parse(read('compose.yaml'), { merge: true });
    const scaled = Object.entries(compose.services as Record<string, { profiles?: string[] }>)
      .filter(([, service]) => service.profiles?.includes('scaled'))
      .map(([name]) => name)
      .sort();
    expect(scaled).toEqual(['parley-2', 'proxy', 'redis']);
    const second = compose.services['parley-2'];
    expect(second.environment).toEqual(compose.services.parley.environment);
    expect(second.build).toEqual(compose.services.parley.build);
    const mounts: string[] = compose.services.proxy.volumes;
    expect(mounts).toContain('./nginx/parley.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(mounts).toContain('./nginx/compose-upstream.conf:/etc/nginx/parley-upstream.conf:ro');
    const upstream = read('nginx/compose-upstream.conf');
    expect(upstream).toMatch(/server parley:3000 /);
    expect(upstream).toMatch(/server parley-2:3000 /);
  });
});
