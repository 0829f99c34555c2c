import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

const SECRET = 'an-auth-secret-of-at-least-32-characters';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-env-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Loads from `source` alone, with a secret, so that nothing is written unless asked. */
const load = (source: Record<string, string>) => loadEnv({ AUTH_SECRET: SECRET, ...source });

function problemsOf(source: Record<string, string>): string[] {
  try {
    load(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error('expected an EnvError');
}

describe('loadEnv', () => {
  it('fills in the documented defaults', () => {
    const env = load({});

    expect(env).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      authSecret: SECRET,
      authSecretGenerated: false,
      serviceToken: undefined,
      admin: undefined,
      widgetAllowedOrigins: '*',
      trustProxy: false,
      rateLimits: { conversationsPerHour: 20, messagesPerMinute: 60 },
      telegram: { enabled: false, apiRoot: 'https://api.telegram.org', silent: true },
      redisUrl: undefined,
      logLevel: 'info',
    });
  });

  it('derives PUBLIC_URL from PORT, and keeps a given one without its trailing slash', () => {
    expect(load({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(load({ PUBLIC_URL: 'https://support.example.com/' }).publicUrl).toBe(
      'https://support.example.com',
    );
  });

  it('treats blank optional settings as unset', () => {
    const env = load({ DATABASE_URL: ' ', SERVICE_TOKEN: '', TELEGRAM_BOT_TOKEN: '' });
    expect(env).toMatchObject({ databaseUrl: undefined, serviceToken: undefined });
  });

  it('reads the typed settings', () => {
    const env = load({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgresql://parley@db:5432/parley',
      TRUST_PROXY: 'yes',
      RATE_LIMIT_MESSAGES_PER_MINUTE: '5',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'long enough',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_SUPPORT_CHAT_ID: '-1001234',
      TELEGRAM_SILENT: 'false',
    });
    expect(env).toMatchObject({
      databaseUrl: 'postgresql://parley@db:5432/parley',
      trustProxy: true,
      rateLimits: { messagesPerMinute: 5 },
      admin: { email: 'admin@example.com', password: 'long enough' },
      telegram: { enabled: true, supportChatId: '-1001234', silent: false },
    });
  });

  it('lists one line per problem', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/parley',
      AUTH_SECRET: 'too-short',
    });

    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AUTH_SECRET',
      'DATABASE_URL',
      'PORT',
    ]);
    expect(problems.find((p) => p.startsWith('AUTH_SECRET'))).toContain('at least 32');
    let message = '';
    try {
      load({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/parley' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      expect.stringMatching(/^ {2}- PORT: /),
      expect.stringMatching(/^ {2}- DATABASE_URL: .*postgres:\/\//),
    ]);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PUBLIC_URL', 'support.example.com'],
    ['TRUST_PROXY', 'maybe'],
    ['RATE_LIMIT_CONVERSATIONS_PER_HOUR', '0'],
    ['TELEGRAM_SUPPORT_CHAT_ID', '@support'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s', (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: `)),
    ]);
  });

  it('wants a support chat when a bot token is set', () => {
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: '123:abc' })).toEqual([
      expect.stringMatching(/^TELEGRAM_SUPPORT_CHAT_ID: /),
    ]);
  });

  describe('WIDGET_ALLOWED_ORIGINS', () => {
    it('keeps the origin of each comma-separated URL', () => {
      const env = load({
        WIDGET_ALLOWED_ORIGINS: 'https://shop.example, https://blog.example:8443/path/ ,',
      });
      expect(env.widgetAllowedOrigins).toEqual([
        'https://shop.example',
        'https://blog.example:8443',
      ]);
    });

    it('allows any origin with *, even among others', () => {
      expect(load({ WIDGET_ALLOWED_ORIGINS: '*' }).widgetAllowedOrigins).toBe('*');
      expect(load({ WIDGET_ALLOWED_ORIGINS: 'https://a.example,*' }).widgetAllowedOrigins).toBe(
        '*',
      );
    });

    it('refuses something that is not an origin', () => {
      expect(problemsOf({ WIDGET_ALLOWED_ORIGINS: 'shop.example' })).toEqual([
        expect.stringMatching(/^WIDGET_ALLOWED_ORIGINS: /),
      ]);
    });

    it("defaults to any in development and to PUBLIC_URL's origin in production", () => {
      expect(load({ NODE_ENV: 'development' }).widgetAllowedOrigins).toBe('*');
      const production = load({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://support.example.com/chat/',
      });
      expect(production.isProduction).toBe(true);
      expect(production.widgetAllowedOrigins).toEqual(['https://support.example.com']);
      expect(load({ NODE_ENV: 'production', PORT: '4000' }).widgetAllowedOrigins).toEqual([
        'http://localhost:4000',
      ]);
    });
  });

  describe('AUTH_SECRET', () => {
    it('is generated once under DATA_DIR and reused on the next load', () => {
      const dataDir = path.join(tempDir(), 'nested', 'data');
      const first = loadEnv({ DATA_DIR: dataDir });
      const second = loadEnv({ DATA_DIR: dataDir });

      expect(first.authSecret).toMatch(/^[0-9a-f]{64}$/);
      expect(first.authSecretGenerated).toBe(true);
      expect(second.authSecret).toBe(first.authSecret);
      expect(second.authSecretGenerated).toBe(false);
      const file = path.join(dataDir, 'auth-secret');
      expect(readFileSync(file, 'utf8').trim()).toBe(first.authSecret);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });

    it('is different in another DATA_DIR', () => {
      const one = loadEnv({ DATA_DIR: tempDir() });
      const other = loadEnv({ DATA_DIR: tempDir() });
      expect(one.authSecret).not.toBe(other.authSecret);
    });

    it('is taken from the environment when set, writing nothing', () => {
      const dataDir = tempDir();
      const env = loadEnv({ DATA_DIR: dataDir, AUTH_SECRET: SECRET });

      expect(env).toMatchObject({ authSecret: SECRET, authSecretGenerated: false });
      expect(() => statSync(path.join(dataDir, 'auth-secret'))).toThrow();
    });
  });
});

describe('attachment settings', () => {
  it('default to 10 MB files on disk', () => {
    expect(load({}).attachments).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      storage: 'disk',
      uploadsPerMinute: 20,
    });
  });

  it('take ATTACHMENT_STORAGE, or STORAGE when it is unset, and require a bucket for s3', () => {
    expect(load({ ATTACHMENT_STORAGE: 'postgres' }).attachments.storage).toBe('postgres');
    expect(load({ STORAGE: 'postgres' }).attachments.storage).toBe('postgres');
    const s3 = load({
      ATTACHMENT_STORAGE: 's3',
      S3_BUCKET: 'files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
    }).attachments;
    expect(s3).toMatchObject({
      storage: 's3',
      s3: { bucket: 'files', region: 'us-east-1', forcePathStyle: true },
    });
    expect(problemsOf({ ATTACHMENT_STORAGE: 's3' })).toEqual([
      'S3_BUCKET: required when ATTACHMENT_STORAGE is s3',
    ]);
    expect(problemsOf({ ATTACHMENT_STORAGE: 'ftp' })).toEqual([
      'ATTACHMENT_STORAGE: ATTACHMENT_STORAGE must be disk, postgres or s3',
    ]);
    expect(problemsOf({ ATTACHMENT_MAX_BYTES: '0' })[0]).toMatch(/^ATTACHMENT_MAX_BYTES: /);
  });
});
