// Attachment bytes as files under DATA_DIR/attachments, one folder per conversation. A file
// is written under a temporary name and renamed, so a reader never sees half of one.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type AttachmentStorage, assertStorageKey, type StoredObject } from './storage';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

export class DiskStorage implements AttachmentStorage {
  readonly kind = 'disk' as const;
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'attachments');
  }

  private file(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.partial`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, target);
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const target = this.file(key);
    try {
      await stat(target);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>;
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.file(key), { force: true })));
  }

  async *list(): AsyncIterable<StoredObject> {
    let folders: string[];
    try {
      folders = await readdir(this.root);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const folder of folders) {
      let names: string[];
      try {
        names = await readdir(path.join(this.root, folder));
      } catch {
        continue; // removed meanwhile, or not a folder
      }
      for (const name of names) {
        const file = path.join(this.root, folder, name);
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) continue;
        // A `.partial` left by a crash mid-write is an orphan too: listed under its own
        // name, which the sweep removes once it is old enough.
        yield { key: `${folder}/${name}`, modifiedAt: info.mtime };
      }
    }
  }
}
