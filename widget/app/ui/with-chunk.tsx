/** @jsxImportSource preact */
// Renders what needs a lazy chunk once it is here, asking for it on first render; until then
// (and if it cannot load) `fallback` shows in its place.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ChunkName, loadChunk, loadedChunk } from '../chunks';
import type { ConversationUi } from '../conversation';
import type { FilesUi } from '../files';
import { useChat } from './context';

/**
 * The chunk's exports once it is here; asks for it while `wanted`. One that failed here and
 * arrived later (asked for again elsewhere) shows on the next render.
 */
export function useChunk<Exports>(name: ChunkName, wanted = true): Exports | undefined {
  const chat = useChat();
  const [arrived, setArrived] = useState<Exports>();
  const exports = arrived ?? loadedChunk<Exports>(name);
  useEffect(() => {
    if (!exports && wanted) loadChunk<Exports>(chat, name).then(setArrived, () => {});
  }, [exports, wanted, chat, name]);
  return exports;
}

interface WithChunkProps<Exports> {
  name: ChunkName;
  children: (exports: Exports) => JSX.Element;
  fallback?: JSX.Element | null;
}

export function WithChunk<Exports>({ name, children, fallback = null }: WithChunkProps<Exports>) {
  const exports = useChunk<Exports>(name);
  return exports ? children(exports) : fallback;
}

// Declared functions, not constants: the app hands these to chunks (shared-modules.ts, which
// this module's imports lead back to), so they exist before any module body runs.

/** The attachment UI's views. */
export function WithFiles({ children }: { children: (ui: FilesUi) => JSX.Element }) {
  return <WithChunk<FilesUi> name="files">{children}</WithChunk>;
}

/** The conversation's views (conversation.ts). */
export function WithConversation({ children }: { children: (ui: ConversationUi) => JSX.Element }) {
  return <WithChunk<ConversationUi> name="conversation">{children}</WithChunk>;
}
