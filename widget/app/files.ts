// The seam to the attachment UI, which lives in a file of its own (public/widget/files-<hash>.js)
// so that visitors who never send or receive a file never download it: the app fetches it the
// first time a file is attached, shown or waiting in the outbox. Types here; the UI there.
import type { FunctionComponent } from 'preact';
import type { Attachment } from '../../lib/contracts/dto';
import { RequestError } from './api';
import type { Chat } from './chat';
import type { Pending } from './outbox';
import { FILES_PROPERTY, SHARED_MODULES } from './shared-modules';
import type { Session } from './state';

/** The attachment file's content-hashed path, set by scripts/widget-bundles.ts. */
declare const __PARLEY_FILES__: string;

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

/** What the app hands to the attachment UI's script (see shared-modules.ts). */
export interface FilesHandOff {
  chat: Chat;
  modules: typeof SHARED_MODULES;
  RequestError: typeof RequestError;
  ready(ui: FilesUi): void;
}

let loaded: FilesUi | null = null;
let loading: Promise<FilesUi> | null = null;

export const filesUiLoaded = (): FilesUi | null => loaded;

export function loadFilesUi(chat: Chat): Promise<FilesUi> {
  loading ??= new Promise<FilesUi>((resolve, reject) => {
    const script = document.createElement('script');
    const handOff: FilesHandOff = {
      chat,
      modules: SHARED_MODULES,
      RequestError,
      ready(ui) {
        loaded = ui;
        resolve(ui);
      },
    };
    Object.assign(script, {
      [FILES_PROPERTY]: handOff,
      src: `${chat.host.options.base}/${__PARLEY_FILES__}`,
    });
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new RequestError(0, 'network', 'The attachment UI did not load'));
    };
    document.head.append(script);
  });
  return loading;
}
