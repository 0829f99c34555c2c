// The one place that reads process.env: every setting validated once, with defaults.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from './contracts/attachments';

const STORAGE_KINDS = ['disk', 'postgres', 's3'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(0).max(65535).default(3000),
  ),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z
    .url('PUBLIC_URL must be an absolute URL such as https://support.example.com')
    .optional(),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./.data'),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  ),
  SERVICE_TOKEN: optionalString.pipe(
    z.string().min(16, 'SERVICE_TOKEN must be at least 16 characters').optional(),
  ),
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  ),
  ADMIN_EMAIL: optionalString.pipe(z.email('ADMIN_EMAIL must be an email address').optional()),
  ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  ),
  WIDGET_ALLOWED_ORIGINS: optionalString,
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_CONVERSATIONS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_SUPPORT_CHAT_ID: optionalString.pipe(
    z
      .string()
      .regex(/^-?\d+$/, 'TELEGRAM_SUPPORT_CHAT_ID must be a numeric chat id')
      .optional(),
  ),
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'TELEGRAM_WEBHOOK_SECRET may use A-Z a-z 0-9 _ - only')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_SILENT: bool.default(true),
  REDIS_URL: optionalString.pipe(z.url().optional()),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_ATTACHMENT_MAX_BYTES),
  ATTACHMENT_QUOTA_FILES: z.coerce.number().int().min(1).default(200),
  ATTACHMENT_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(500 * 1024 * 1024),
  RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  ATTACHMENT_STORAGE: optionalString.pipe(
    z.enum(STORAGE_KINDS, { error: 'ATTACHMENT_STORAGE must be disk, postgres or s3' }).optional(),
  ),
  /** The name DESIGN first gave ATTACHMENT_STORAGE; still read when that one is unset. */
  STORAGE: optionalString.pipe(
    z.enum(STORAGE_KINDS, { error: 'STORAGE must be disk, postgres or s3' }).optional(),
  ),
  S3_ENDPOINT: optionalString.pipe(z.url('S3_ENDPOINT must be a URL').optional()),
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: optionalString.pipe(bool.optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Email to visitors who left (DESIGN §14): an SMTP server as a URL, smtp:// or smtps://. */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://user:pass@host:587')
      .optional(),
  ),
  /** The sender of every email, e.g. "Acme support <support@acme.com>". */
  MAIL_FROM: optionalString,
  /** Where replies to Parley's email arrive (plus-addressed per conversation); MAIL_FROM's address by default. */
  MAIL_REPLY_TO: optionalString.pipe(z.email('MAIL_REPLY_TO must be an email address').optional()),
  /** Guards POST /api/v1/email/inbound, where an inbound mail provider posts replies. */
  EMAIL_INBOUND_SECRET: optionalString.pipe(
    z.string().min(16, 'EMAIL_INBOUND_SECRET must be at least 16 characters').optional(),
  ),
  /** Signs the identity tokens a site's backend hands its signed-in visitors (HS256). */
  WIDGET_IDENTITY_SECRET: optionalString.pipe(
    z.string().min(32, 'WIDGET_IDENTITY_SECRET must be at least 32 characters').optional(),
  ),
});

export type Env = ReturnType<typeof loadEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function readOrCreateSecret(dataDir: string): { secret: string; generated: boolean } {
  const file = path.join(dataDir, 'auth-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return { secret: existing, generated: false };
  } catch {
    // first boot: no secret kept yet
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, generated: true };
}

function parseOrigins(raw: string | undefined, fallback: string[]): string[] | '*' {
  const list = raw === undefined ? fallback : raw.split(',').map((o) => o.trim());
  if (list.includes('*')) return '*';
  return list.filter(Boolean).map((o) => new URL(o).origin);
}

export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  const dataDir = path.resolve(raw.DATA_DIR);

  let origins: string[] | '*';
  try {
    origins = parseOrigins(raw.WIDGET_ALLOWED_ORIGINS, isProduction ? [publicUrl] : ['*']);
  } catch {
    throw new EnvError(['WIDGET_ALLOWED_ORIGINS: expected comma-separated origins or *']);
  }

  const kept = raw.AUTH_SECRET ? null : readOrCreateSecret(dataDir);
  const telegramEnabled = Boolean(raw.TELEGRAM_BOT_TOKEN && raw.TELEGRAM_SUPPORT_CHAT_ID);
  if (raw.TELEGRAM_BOT_TOKEN && !raw.TELEGRAM_SUPPORT_CHAT_ID) {
    throw new EnvError(['TELEGRAM_SUPPORT_CHAT_ID: required when TELEGRAM_BOT_TOKEN is set']);
  }

  if (raw.SMTP_URL && !raw.MAIL_FROM) {
    throw new EnvError(['MAIL_FROM: required when SMTP_URL is set']);
  }

  const storage = raw.ATTACHMENT_STORAGE ?? raw.STORAGE ?? 'disk';
  if (storage === 's3' && !raw.S3_BUCKET) {
    throw new EnvError(['S3_BUCKET: required when ATTACHMENT_STORAGE is s3']);
  }

  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    authSecret: raw.AUTH_SECRET ?? kept!.secret,
    /** Set when the secret was generated on this boot (a warning is due in production). */
    authSecretGenerated: kept?.generated ?? false,
    serviceToken: raw.SERVICE_TOKEN,
    metricsToken: raw.METRICS_TOKEN,
    admin:
      raw.ADMIN_EMAIL && raw.ADMIN_PASSWORD
        ? { email: raw.ADMIN_EMAIL, password: raw.ADMIN_PASSWORD }
        : undefined,
    widgetAllowedOrigins: origins,
    trustProxy: raw.TRUST_PROXY,
    rateLimits: {
      conversationsPerHour: raw.RATE_LIMIT_CONVERSATIONS_PER_HOUR,
      messagesPerMinute: raw.RATE_LIMIT_MESSAGES_PER_MINUTE,
    },
    telegram: {
      enabled: telegramEnabled,
      botToken: raw.TELEGRAM_BOT_TOKEN,
      supportChatId: raw.TELEGRAM_SUPPORT_CHAT_ID,
      webhookSecret: raw.TELEGRAM_WEBHOOK_SECRET,
      apiRoot: raw.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      silent: raw.TELEGRAM_SILENT,
    },
    redisUrl: raw.REDIS_URL,
    attachments: {
      maxBytes: raw.ATTACHMENT_MAX_BYTES,
      quotaFiles: raw.ATTACHMENT_QUOTA_FILES,
      quotaBytes: raw.ATTACHMENT_QUOTA_BYTES,
      uploadsPerMinute: raw.RATE_LIMIT_UPLOADS_PER_MINUTE,
      storage: storage as StorageKind,
      s3: {
        endpoint: raw.S3_ENDPOINT,
        bucket: raw.S3_BUCKET ?? '',
        region: raw.S3_REGION,
        accessKeyId: raw.S3_ACCESS_KEY_ID,
        secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
        // A self-hosted S3 (MinIO, Garage, …) at its own address nearly always wants paths.
        forcePathStyle: raw.S3_FORCE_PATH_STYLE ?? Boolean(raw.S3_ENDPOINT),
      },
    },
    widgetIdentitySecret: raw.WIDGET_IDENTITY_SECRET,
    email: {
      smtpUrl: raw.SMTP_URL,
      from: raw.MAIL_FROM,
      replyTo: raw.MAIL_REPLY_TO,
      inboundSecret: raw.EMAIL_INBOUND_SECRET,
    },
    logLevel: raw.LOG_LEVEL,
  };
}

let cached: Env | undefined;

/** The validated environment of this process, loaded on first use. */
export function env(): Env {
  if (!cached) {
    cached = loadEnv();
    // next-auth v4 reads these two itself.
    process.env.NEXTAUTH_URL = cached.publicUrl;
    process.env.NEXTAUTH_SECRET = cached.authSecret;
  }
  return cached;
}
