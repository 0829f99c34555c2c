// The bytes of files picked but not yet uploaded, kept in IndexedDB on the host page's origin
// so that a reload in the middle of sending still has them (localStorage holds only their
// names). Without IndexedDB (some private modes) they live in memory for this page view.

const DATABASE = 'parley-files';
const STORE = 'files';
/** Files nobody refers to any more (a tray left behind, another tab's leftovers) go after this. */
const ABANDONED_MS = 24 * 3600_000;

interface Stored {
  blob: Blob;
  at: number;
}

const memory = new Map<string, Blob>();
let opening: Promise<IDBDatabase | null> | undefined;

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | undefined> {
  return database().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve(undefined);
        const request = work(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
      }),
  );
}

export function putBlob(key: string, blob: Blob): Promise<unknown> {
  memory.set(key, blob);
  return run('readwrite', (store) => store.put({ blob, at: Date.now() } satisfies Stored, key));
}

export async function getBlob(key: string): Promise<Blob | undefined> {
  const kept = memory.get(key);
  if (kept) return kept;
  const stored = (await run('readonly', (store) => store.get(key))) as Stored | undefined;
  if (stored) memory.set(key, stored.blob);
  return stored?.blob;
}

export function deleteBlob(key: string): Promise<unknown> {
  memory.delete(key);
  return run('readwrite', (store) => store.delete(key));
}

/** Deletes stored files that `referenced` does not name and that are older than a day. */
export async function pruneBlobs(referenced: Set<string>): Promise<void> {
  const keys = ((await run('readonly', (store) => store.getAllKeys())) ?? []) as string[];
  for (const key of keys) {
    if (referenced.has(key)) continue;
    const stored = (await run('readonly', (store) => store.get(key))) as Stored | undefined;
    if (!stored || Date.now() - stored.at > ABANDONED_MS) await deleteBlob(key);
  }
}
