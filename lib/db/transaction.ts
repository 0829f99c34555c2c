// Runs a unit of work in one transaction and wakes the dispatcher once it has committed.
import { wakeDispatcher } from '../events/wake';
import { db, type Transaction } from './client';

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await db().transaction(work);
  wakeDispatcher();
  return result;
}
