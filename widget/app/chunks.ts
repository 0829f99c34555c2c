// The widget's lazy parts: each is a script of its own (public/widget/<name>-<hash>.js) that the
// app fetches the first time it needs it, as the loader fetches the app. The app hands it
// its own Preact and the chat (shared-modules.ts) and gets the chunk's exports back, so a
// visitor downloads attachments, emoji, the start form or another language only when used.
import { RequestError } from './api';
import type { Chat } from './chat';
import { CHUNK_PROPERTY, type HandOff } from './hand-off';
import { SHARED_MODULES } from './shared-modules';

/** The chunks' content-hashed paths by name, set by scripts/widget-bundles.ts. */
declare const __PARLEY_CHUNKS__: Record<string, string>;

/** The chunks the build makes (CHUNK_ENTRIES in scripts/widget-bundles.ts). */
export type ChunkName =
  | 'files'
  | 'emoji'
  | 'start'
  | 'settings'
  | 'email'
  | 'conversation'
  | `strings-${string}`;

const loaded = new Map<ChunkName, unknown>();
const loading = new Map<ChunkName, Promise<unknown>>();

/** The chunk's exports if it is already here. */
export function loadedChunk<Exports>(name: ChunkName): Exports | undefined {
  return loaded.get(name) as Exports | undefined;
}

export function loadChunk<Exports>(chat: Chat, name: ChunkName): Promise<Exports> {
  let promise = loading.get(name);
  if (!promise) {
    promise = new Promise<unknown>((resolve, reject) => {
      const script = document.createElement('script');
      const handOff: HandOff<unknown> = {
        chat,
        modules: SHARED_MODULES,
        RequestError,
        ready(exports) {
          loaded.set(name, exports);
          resolve(exports);
        },
      };
      Object.assign(script, {
        [CHUNK_PROPERTY]: handOff,
        src: `${chat.host.options.base}/${__PARLEY_CHUNKS__[name]}`,
      });
      script.onerror = () => {
        // A failed download (offline, blocked) may be retried by the next need.
        loading.delete(name);
        script.remove();
        reject(new RequestError(0, 'network', `The ${name} part of the chat did not load`));
      };
      document.head.append(script);
    });
    loading.set(name, promise);
  }
  return promise as Promise<Exports>;
}
