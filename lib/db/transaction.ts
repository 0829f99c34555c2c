// Runs a unit of work in one transaction; work may ask for something to happen only once it
// has committed (`afterCommit`): pushing its events live, waking the dispatcher, metrics.
import { db, type Queryable, type Transaction } from './client';

const committed = new WeakMap<object, Array<() => void>>();

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  let callbacks: Array<() => void> = [];
  const result = await db().transaction((tx) => {
    callbacks = [];
    committed.set(tx, callbacks);
    return work(tx);
  });
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Calls `callback` once `tx` has committed; never on a rollback. `tx` must have been begun
 * by `inTransaction`: anything else is a mistake that would lose the callback, and throws.
 */
export function afterCommit(tx: Queryable, callback: () => void): void {
  const callbacks = committed.get(tx);
  if (!callbacks) throw new Error('afterCommit needs a transaction begun by inTransaction');
  callbacks.push(callback);
}
