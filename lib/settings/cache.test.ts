// The settings cache against the real database: a repeated read costs no query, a change made
// here is seen at once, one made by another instance's connection once its NOTIFY arrives, and
// a change rolled back leaves everything as it was.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/customer-client';
import { serviceActor } from '../actor';
import { getTemplate } from '../conversations/system-messages';
import { type DatabaseHandle, database, db, openDatabase } from '../db/client';
import { messageTemplates, settings } from '../db/schema';
import {
  invalidateSettingsCache,
  listenForSettingsChanges,
  SETTINGS_CACHE_CHANNEL,
  settingsCacheStats,
  writeSettingsTransaction,
} from './cache';
import { resetTemplate, upsertTemplate } from './message-templates';
import { getSettings } from './settings';
import { updateSettings } from './update-settings';

/** The trigger's NOTIFYs this process heard. */
const heard: string[] = [];

beforeAll(async () => {
  await listenForSettingsChanges();
  // Heard after the cache's own listener: once a NOTIFY is here, the cache has had it.
  await database().listen(SETTINGS_CACHE_CHANNEL, () => heard.push('change'));
});

beforeEach(async () => {
  // Emptied tables, and their NOTIFYs in: none arrives later to empty the cache mid-test.
  const before = heard.length;
  await db().delete(settings);
  await db().delete(messageTemplates);
  await eventually(() => heard.length >= before + 2, 'the NOTIFYs of the emptied tables');
});

const title = async () => (await getSettings(db(), 'widget')).title;

/** Runs `work` with the tables' NOTIFY trigger off: only this process's own emptying counts. */
async function withoutNotify(work: () => Promise<void>): Promise<void> {
  await db().execute(sql`alter table settings disable trigger settings_changed_notify`);
  await db().execute(
    sql`alter table message_templates disable trigger message_templates_changed_notify`,
  );
  try {
    await work();
  } finally {
    await db().execute(sql`alter table settings enable trigger settings_changed_notify`);
    await db().execute(
      sql`alter table message_templates enable trigger message_templates_changed_notify`,
    );
  }
}

describe('reading', () => {
  it('answers a second read from memory, without a query', async () => {
    const before = settingsCacheStats();
    await getSettings(db(), 'workingHours');
    const hours = await getSettings(db(), 'workingHours');
    expect(settingsCacheStats()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });

    // A row changed behind the trigger's back is not seen: the value came from memory.
    await withoutNotify(async () => {
      await db()
        .insert(settings)
        .values({ key: 'workingHours', value: { enabled: !hours.enabled } });
      expect((await getSettings(db(), 'workingHours')).enabled).toBe(hours.enabled);
    });
    invalidateSettingsCache();
    expect((await getSettings(db(), 'workingHours')).enabled).toBe(!hours.enabled);
  });

  it('hands out copies: what a caller changes stays with it', async () => {
    const first = await getSettings(db(), 'widget');
    first.title = 'Scribbled over';
    expect(await title()).toBe('Chat with us');
  });

  it('caches templates per key and locale', async () => {
    await getTemplate(db(), 'closing_message', 'fr-CA');
    const before = settingsCacheStats();
    await getTemplate(db(), 'closing_message', 'fr-CA');
    await getTemplate(db(), 'closing_message', 'de');
    expect(settingsCacheStats()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });
  });
});

describe('changes made in this process', () => {
  // Without the NOTIFY, so the writer's own emptying is what shows the change.
  it('are seen at once after updateSettings', async () => {
    await withoutNotify(async () => {
      expect(await title()).toBe('Chat with us');
      expect(await title()).toBe('Chat with us');
      const saved = await updateSettings({ widget: { title: 'Acme support' } }, serviceActor);
      expect(saved.widget.title).toBe('Acme support');
      expect(await title()).toBe('Acme support');
    });
  });

  it('are seen at once after upsertTemplate and resetTemplate', async () => {
    await withoutNotify(async () => {
      const before = (await getTemplate(db(), 'closing_message', 'fr')).text;
      expect(before).not.toBe('Conversation terminée.');
      await upsertTemplate(
        { key: 'closing_message', locale: 'fr', text: 'Conversation terminée.' },
        serviceActor,
      );
      expect((await getTemplate(db(), 'closing_message', 'fr')).text).toBe(
        'Conversation terminée.',
      );
      await resetTemplate({ key: 'closing_message', locale: 'fr' }, serviceActor);
      expect((await getTemplate(db(), 'closing_message', 'fr')).text).toBe(before);
    });
  });

  it('are read back by their own transaction and kept from others until it commits', async () => {
    expect(await title()).toBe('Chat with us');
    await writeSettingsTransaction(async (tx) => {
      await tx.insert(settings).values({ key: 'widget', value: { title: 'Not yet' } });
      expect((await getSettings(tx, 'widget')).title).toBe('Not yet');
      // Another connection still sees the committed value, and it is not cached from here
      // (embedded PGlite has one connection, which the transaction holds).
      if (database().kind === 'postgres') expect(await title()).toBe('Chat with us');
      expect((await getSettings(tx, 'widget')).title).toBe('Not yet');
    });
    expect(await title()).toBe('Not yet');
  });

  it('change nothing when rolled back', async () => {
    await updateSettings({ widget: { title: 'Before' } }, serviceActor);
    expect(await title()).toBe('Before');
    // The widget is written first, then the invalid working hours roll everything back.
    await expect(
      updateSettings(
        { widget: { title: 'After' }, workingHours: { timezone: 'Nowhere/Never' } },
        serviceActor,
      ),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await title()).toBe('Before');
    const rows = await db().select().from(settings).where(sql`key = 'widget'`);
    expect(rows.map((row) => (row.value as { title: string }).title)).toEqual(['Before']);
  });
});

describe.skipIf(database().kind !== 'postgres')('changes made by another instance', () => {
  // Another instance's own pool on the same database.
  let other: DatabaseHandle;

  beforeAll(() => {
    other = openDatabase({ url: process.env.DATABASE_URL, dataDir: '', max: 2 });
  });

  afterAll(() => other.close());

  it('are seen once their NOTIFY arrives', async () => {
    expect(await title()).toBe('Chat with us');
    const before = settingsCacheStats().hits;
    expect(await title()).toBe('Chat with us');
    expect(settingsCacheStats().hits).toBe(before + 1);
    await other.db
      .insert(settings)
      .values({ key: 'widget', value: { title: 'Set elsewhere' } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { title: 'Set elsewhere' } } });
    await eventually(async () => (await title()) === 'Set elsewhere', 'the NOTIFY of the change');
  });

  it('reach templates too, and deletions as well', async () => {
    await other.db
      .insert(messageTemplates)
      .values({ key: 'closing_message', locale: '', text: 'Bye from elsewhere.' });
    await eventually(
      async () => (await getTemplate(db(), 'closing_message')).text === 'Bye from elsewhere.',
      'the NOTIFY of the new template',
    );
    await other.db.delete(messageTemplates);
    await eventually(
      async () => (await getTemplate(db(), 'closing_message')).text !== 'Bye from elsewhere.',
      'the NOTIFY of the deletion',
    );
  });

  it('that roll back send nothing and change nothing', async () => {
    expect(await title()).toBe('Chat with us');
    await expect(
      other.db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'widget', value: { title: 'Rolled back' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await title()).toBe('Chat with us');
  });
});
