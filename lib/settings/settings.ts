// Settings kept in the database (key → jsonb), merged over defaults, effective at once:
// read through the in-memory cache (cache.ts) that every change empties.
import { eq } from 'drizzle-orm';
import { SETTINGS_SCHEMAS, type Settings, type SettingsKey } from '../contracts/settings';
import type { Queryable } from '../db/client';
import { settings } from '../db/schema';
import { readCached } from './cache';

export async function getSettings<K extends SettingsKey>(
  tx: Queryable,
  key: K,
): Promise<Settings<K>> {
  const [row] = await readCached(tx, `settings:${key}`, () =>
    tx.select().from(settings).where(eq(settings.key, key)),
  );
  const parsed = SETTINGS_SCHEMAS[key].safeParse(row?.value ?? {});
  // A stored value that no longer fits the schema falls back to the defaults.
  return (parsed.success ? parsed.data : SETTINGS_SCHEMAS[key].parse({})) as Settings<K>;
}
