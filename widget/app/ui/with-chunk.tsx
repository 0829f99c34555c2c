/** @jsxImportSource preact */
// Renders what needs a lazy chunk once it is here, asking for it on first render; until then
// (and if it cannot load) `fallback` shows in its place.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ChunkName, loadChunk, loadedChunk } from '../chunks';
import type { FilesUi } from '../files';
import { useChat } from './context';

interface WithChunkProps<Exports> {
  name: ChunkName;
  children: (exports: Exports) => JSX.Element;
  fallback?: JSX.Element | null;
}

export function WithChunk<Exports>({ name, children, fallback = null }: WithChunkProps<Exports>) {
  const chat = useChat();
  const [exports, setExports] = useState(() => loadedChunk<Exports>(name));
  useEffect(() => {
    if (!exports) loadChunk<Exports>(chat, name).then(setExports, () => {});
  }, [exports, chat, name]);
  return exports ? children(exports) : fallback;
}

/** The attachment UI's views. */
export const WithFiles = ({ children }: { children: (ui: FilesUi) => JSX.Element }) => (
  <WithChunk<FilesUi> name="files">{children}</WithChunk>
);
