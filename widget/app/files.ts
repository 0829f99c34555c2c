// The seam to the attachment UI, a chunk of its own (public/widget/files-<hash>.js, see
// chunks.ts) so that visitors who never send or receive a file never download it: the app
// fetches it the first time a file is attached, shown or waiting in the outbox.
import type { FunctionComponent } from 'preact';
import type { Attachment } from '../../lib/contracts/dto';
import type { Chat } from './chat';
import { loadChunk, loadedChunk } from './chunks';
import type { Pending } from './outbox';
import type { Session } from './state';

/** A file the visitor picked: in the composer's tray, then in an outbox entry. */
export interface FileRef {
  /** Names the file's bytes in the browser (IndexedDB) until it is uploaded. */
  key: string;
  name: string;
  size: number;
  type: string;
  /** The attachment id, once uploaded. */
  id?: string;
}

/** What the attachment UI offers the app. */
export interface FilesUi {
  /** Puts files in the composer's tray, refusing (and saying why) what breaks a limit. */
  attach(files: File[]): void;
  /** Uploads an outbox entry's files that are not uploaded yet; resolves to all their ids. */
  upload(entry: Pending, session: Session): Promise<string[]>;
  /** The composer's tray: previews of the files to send. */
  Tray: FunctionComponent;
  /** A message's files: pictures with a full-size view, other files to download. */
  Files: FunctionComponent<{ attachments: Attachment[] }>;
  /** An unsent message's files, with their upload progress. */
  PendingFiles: FunctionComponent<{ entry: Pending }>;
}

export const filesUiLoaded = (): FilesUi | undefined => loadedChunk<FilesUi>('files');

export const loadFilesUi = (chat: Chat): Promise<FilesUi> => loadChunk<FilesUi>(chat, 'files');
