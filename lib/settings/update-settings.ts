// Reading every setting at once and changing some of them (the admin API). A partial update
// is merged over what is stored and validated whole, so no stored value is ever invalid.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { type AllSettings, SETTINGS_SCHEMAS, type SettingsKey } from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { settings } from '../db/schema';
import { AppError } from '../errors';
import { getSettings } from './settings';

const KEYS = Object.keys(SETTINGS_SCHEMAS) as SettingsKey[];

export async function getAllSettings(tx: Queryable = db()): Promise<AllSettings> {
  const entries = await Promise.all(KEYS.map(async (key) => [key, await getSettings(tx, key)]));
  return Object.fromEntries(entries) as AllSettings;
}

export async function updateSettings(
  patch: Record<string, Record<string, unknown>>,
  actor: Actor,
): Promise<AllSettings> {
  const unknown = Object.keys(patch).filter((key) => !KEYS.includes(key as SettingsKey));
  if (unknown.length > 0) {
    throw new AppError('invalid_request', `Unknown settings: ${unknown.join(', ')}`);
  }
  return db().transaction(async (tx) => {
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
      await writeAudit(tx, actor, 'settings.updated', null, { key, changes });
    }
    return getAllSettings(tx);
  });
}
