// Picks the attachment storage this process is configured with (ATTACHMENT_STORAGE).
import { env, type StorageKind } from '../../env';
import { processSingleton } from '../../singleton';
import { DiskStorage } from './disk';
import { PostgresStorage } from './postgres';
import { S3Storage } from './s3';
import type { AttachmentStorage } from './storage';

export function createStorage(kind: StorageKind): AttachmentStorage {
  const config = env();
  switch (kind) {
    case 'disk':
      return new DiskStorage(config.dataDir);
    case 'postgres':
      return new PostgresStorage();
    case 's3':
      return new S3Storage(config.attachments.s3);
  }
}

/** The storage this process is configured with (ATTACHMENT_STORAGE). */
export function attachmentStorage(): AttachmentStorage {
  return processSingleton('attachments.storage', () => createStorage(env().attachments.storage));
}
