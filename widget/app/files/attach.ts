// Files into the composer's tray: each checked against the server's limits (from the widget
// config) before anything is uploaded, the refused ones explained, the others stored so a
// reload while sending still has their bytes.
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  formatBytes,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from '../../../lib/contracts/attachments';
import type { AttachmentLimits } from '../../../lib/contracts/dto';
import type { Chat } from '../chat';
import type { FileRef } from '../files';
import { putBlob } from './blobs';
import type { FilesTranslate } from './strings';

export function limitsOf(chat: Chat): AttachmentLimits {
  return (
    chat.state.config?.attachments ?? {
      maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
      maxFiles: MAX_ATTACHMENTS_PER_MESSAGE,
    }
  );
}

const newKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Adds what fits to the tray; returns the keys of the files added. */
export function attachFiles(chat: Chat, files: File[], t: FilesTranslate): string[] {
  const limits = limitsOf(chat);
  const tray = [...chat.state.tray];
  const notes = new Set<string>();
  for (const file of files) {
    const name = file.name || 'file';
    if (tray.length >= limits.maxFiles) notes.add(t('tooMany', { n: limits.maxFiles }));
    else if (!file.size) notes.add(t('empty', { name }));
    else if (file.size > limits.maxBytes) {
      notes.add(
        t('tooBig', { name, size: formatBytes(file.size), limit: formatBytes(limits.maxBytes) }),
      );
    } else {
      const ref: FileRef = {
        key: newKey(),
        name,
        size: file.size,
        type: file.type || 'application/octet-stream',
      };
      void putBlob(ref.key, file);
      tray.push(ref);
    }
  }
  const added = tray.slice(chat.state.tray.length).map((ref) => ref.key);
  chat.store.set({ tray, trayNote: [...notes].join(' ') });
  return added;
}
