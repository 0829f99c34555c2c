// Runs a unit of work in one transaction and wakes the dispatcher once it has committed;
// work may also ask for something to happen only if the transaction commits (`afterCommit`).
import { wakeDispatcher } from '../events/wake';
import { db, type Queryable, type Transaction } from './client';

const committed = new WeakMap<object, Array<() => void>>();

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  let callbacks: Array<() => void> = [];
  const result = await db().transaction((tx) => {
    callbacks = [];
    committed.set(tx, callbacks);
    return work(tx);
  });
  wakeDispatcher();
  for (const callback of callbacks) callback();
  return result;
}

/** Calls `callback` once `tx` (begun by `inTransaction`) has committed; never on a rollback. */
export function afterCommit(tx: Queryable, callback: () => void): void {
  committed.get(tx)?.push(callback);
}
