// Where attachment bytes live, behind one interface: the local disk under DATA_DIR (the
// default), a PostgreSQL table (several instances, nothing else to run) or an S3-compatible
// bucket. Keys are `<conversation id>/<attachment id>` (plus `.thumb`), nothing else, so
// no key can name a path outside the store.
import type { StorageKind } from '../../env';

export interface StoredObject {
  key: string;
  /** When it was written, for the orphan sweep's grace period. */
  modifiedAt: Date;
}

export interface AttachmentStorage {
  readonly kind: StorageKind;
  put(key: string, bytes: Buffer, type: string): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  open(key: string): Promise<ReadableStream<Uint8Array> | null>;
  read(key: string): Promise<Buffer | null>;
  /** Removes the keys; keys that hold nothing are fine. */
  delete(keys: string[]): Promise<void>;
  /** Every stored object, in no particular order. */
  list(): AsyncIterable<StoredObject>;
}

// A disk write in progress (or cut short by a crash) carries a `.<uuid>.partial` suffix.
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}(\.thumb)?(\.[0-9a-f-]{36}\.partial)?$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not an attachment storage key: ${key}`);
}

export const storageKeyFor = (conversationId: string, attachmentId: string) =>
  `${conversationId}/${attachmentId}`;
export const thumbnailKeyFor = (conversationId: string, attachmentId: string) =>
  `${storageKeyFor(conversationId, attachmentId)}.thumb`;

/** The id of the attachment a key belongs to. */
export const attachmentIdOfKey = (key: string) => key.split('/')[1]!.slice(0, 36);
