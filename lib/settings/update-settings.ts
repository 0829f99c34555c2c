// Reading every setting at once and changing some of them (the admin API). A partial update
// is merged over what is stored and validated whole, so no stored value is ever invalid.
// Secrets are write-only: what this returns (and what the audit keeps) shows only whether
// they are set. Every change is announced on SETTINGS_CHANNEL, so each instance re-reads it.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import {
  type AdminSettings,
  SETTINGS_SCHEMAS,
  type SecretView,
  type SettingsKey,
} from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { settings } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';
import { settingsWritten, writeSettingsTransaction } from './cache';
import { getSettings } from './settings';

const KEYS = Object.keys(SETTINGS_SCHEMAS) as SettingsKey[];

/** NOTIFY channel: the payload is the settings key that changed. */
export const SETTINGS_CHANNEL = 'parley_settings';

/** Fields never shown nor audited in clear, per settings key. */
const SECRET_FIELDS: Partial<Record<SettingsKey, readonly string[]>> = {
  telegram: ['botToken', 'webhookSecret'],
  email: ['smtpUrl', 'inboundSecret'],
};

export function secretView(value: string | null | undefined): SecretView {
  return value ? { set: true, last4: value.slice(-4) } : { set: false, last4: null };
}

function maskSecrets(key: SettingsKey, value: Record<string, unknown>): Record<string, unknown> {
  const secrets = SECRET_FIELDS[key];
  if (!secrets) return value;
  const masked = { ...value };
  for (const field of secrets) {
    if (field in masked) masked[field] = secretView(masked[field] as string | null);
  }
  return masked;
}

/** Every setting, with secrets masked: what the admin API shows. */
export async function getAllSettings(tx: Queryable = db()): Promise<AdminSettings> {
  const entries = await Promise.all(
    KEYS.map(async (key) => [key, maskSecrets(key, await getSettings(tx, key))]),
  );
  const all = Object.fromEntries(entries) as Record<string, Record<string, unknown>>;
  all.telegram!.managedByEnvironment = Boolean(env().telegram.botToken);
  all.email!.managedByEnvironment = Boolean(env().email.smtpUrl);
  all.email!.inboundManagedByEnvironment = Boolean(env().email.inboundSecret);
  return all as unknown as AdminSettings;
}

/**
 * Announces a change to every instance (delivered when the transaction commits); this
 * process's settings cache is emptied at once and the transaction reads its own write.
 */
export async function announceSettingsChange(tx: Queryable, key: SettingsKey): Promise<void> {
  settingsWritten(tx);
  await tx.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, ${key})`);
}

export async function updateSettings(
  patch: Record<string, Record<string, unknown>>,
  actor: Actor,
): Promise<AdminSettings> {
  const unknown = Object.keys(patch).filter((key) => !KEYS.includes(key as SettingsKey));
  if (unknown.length > 0) {
    throw new AppError('invalid_request', `Unknown settings: ${unknown.join(', ')}`);
  }
  return writeSettingsTransaction(async (tx) => {
    for (const key of KEYS) {
      const changes = patch[key];
      if (!changes) continue;
      const merged = { ...(await getSettings(tx, key)), ...changes };
      const parsed = SETTINGS_SCHEMAS[key].safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError(
          'invalid_request',
          `${[key, ...issue.path].join('.')}: ${issue.message}`,
        );
      }
      await tx
        .insert(settings)
        .values({ key, value: parsed.data })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: parsed.data, updatedAt: new Date() },
        });
      await writeAudit(tx, actor, 'settings.updated', null, {
        key,
        changes: maskSecrets(key, changes),
      });
      await announceSettingsChange(tx, key);
    }
    return getAllSettings(tx);
  });
}
