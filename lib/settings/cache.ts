// Settings and message templates kept in memory, so the message path reads them without a
// query. Every write empties the cache: at once in the writing process (when the write is
// made and again once its transaction ended), and in every other instance through the
// NOTIFY a trigger on both tables sends (migration 0019). Until this process LISTENs — and
// whenever its LISTEN was re-established, since notifications may have been missed — the
// cache is bypassed or emptied, and an entry never lives longer than MAX_AGE_MS, so a
// LISTEN lost for good cannot keep a stale value forever.
import { type DatabaseHandle, database, type Queryable, type Transaction } from '../db/client';
import { inTransaction } from '../db/transaction';
import { logger } from '../log';
import { processSingleton } from '../singleton';

/** NOTIFY channel of the trigger on `settings` and `message_templates` (payload: the table). */
export const SETTINGS_CACHE_CHANNEL = 'parley_settings_cache';

/** The longest an entry is served without reading the database again. */
export const MAX_AGE_MS = 60_000;

interface Entry {
  value: unknown;
  storedAt: number;
}

interface CacheState {
  /** The handle LISTENed on; another one (the database was reopened) starts over. */
  handle: DatabaseHandle | null;
  listening: boolean;
  /** The LISTEN being set up or in place; null before the first read or after it failed. */
  started: Promise<void> | null;
  /** Bumped by every invalidation: a read that began before it stores nothing. */
  generation: number;
  entries: Map<string, Entry>;
  hits: number;
  misses: number;
  /** Transactions that wrote settings or templates: they read their own writes, uncached. */
  writers: WeakSet<Queryable>;
}

const state = () =>
  processSingleton<CacheState>('settings.cache', () => ({
    handle: null,
    listening: false,
    started: null,
    generation: 0,
    entries: new Map(),
    hits: 0,
    misses: 0,
    writers: new WeakSet(),
  }));

/** Forgets every cached value; reads in flight keep theirs to themselves. */
export function invalidateSettingsCache(): void {
  const cache = state();
  cache.generation++;
  cache.entries.clear();
}

/**
 * Called inside a transaction as it writes `settings` or `message_templates`: the cache is
 * emptied and this transaction reads around it from now on.
 */
export function settingsWritten(tx: Queryable): void {
  state().writers.add(tx);
  invalidateSettingsCache();
}

/**
 * Runs `work` in a transaction that writes settings or templates; the cache is emptied as
 * it starts and once it committed (or rolled back), so no read that saw the old value in
 * between keeps it.
 */
export async function writeSettingsTransaction<T>(
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(async (tx) => {
      settingsWritten(tx);
      return work(tx);
    });
  } finally {
    invalidateSettingsCache();
  }
}

/** Reads served from memory and reads that went to the database, since the process started. */
export function settingsCacheStats(): { hits: number; misses: number } {
  const { hits, misses } = state();
  return { hits, misses };
}

/**
 * Starts listening for changes on the process's database (the first read does it too);
 * resolves once the LISTEN is in place and the cache serves reads.
 */
export function listenForSettingsChanges(): Promise<void> {
  const cache = state();
  const handle = database();
  if (cache.handle !== handle || !cache.started) {
    cache.handle = handle;
    cache.listening = false;
    invalidateSettingsCache();
    const onListen = () => {
      if (cache.handle !== handle) return;
      // The first LISTEN, or a new one after its connection dropped: what changed
      // meanwhile was never announced here.
      invalidateSettingsCache();
      cache.listening = true;
    };
    const onNotify = () => {
      if (cache.handle === handle) invalidateSettingsCache();
    };
    const started = handle.listen(SETTINGS_CACHE_CHANNEL, onNotify, onListen).then(() => undefined);
    cache.started = started;
    started.catch((error) => {
      if (cache.started !== started) return;
      cache.started = null;
      logger().warn({ err: error }, 'could not listen for settings changes; reading them uncached');
    });
  }
  return cache.started!;
}

/** True once this process LISTENs on the handle in use; starts listening otherwise. */
function ready(cache: CacheState): boolean {
  if (cache.listening && cache.handle === database()) return true;
  listenForSettingsChanges().catch(() => {});
  return false;
}

/**
 * The value under `key`, from memory when it is there, else from `load` (which is stored
 * unless something changed while it ran). `tx` decides nothing but whether this transaction
 * wrote settings itself.
 */
export async function readCached<T>(
  tx: Queryable,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const cache = state();
  if (cache.writers.has(tx) || !ready(cache)) return load();
  const entry = cache.entries.get(key);
  if (entry && Date.now() - entry.storedAt < MAX_AGE_MS) {
    cache.hits++;
    // A copy: callers may change what they got without changing what the next one gets.
    return structuredClone(entry.value) as T;
  }
  cache.misses++;
  const generation = cache.generation;
  const value = await load();
  if (cache.generation === generation && cache.listening) {
    cache.entries.set(key, { value: structuredClone(value), storedAt: Date.now() });
  }
  return value;
}
