/** @jsxImportSource preact */
// Renders what needs the attachment UI once it is here, asking for it on first render; until
// then (and if it cannot load) nothing shows in its place.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type FilesUi, filesUiLoaded, loadFilesUi } from '../files';
import { useChat } from './context';

export function WithFiles({ children }: { children: (ui: FilesUi) => JSX.Element }) {
  const chat = useChat();
  const [ui, setUi] = useState(filesUiLoaded);
  useEffect(() => {
    if (!ui) loadFilesUi(chat).then(setUi, () => {});
  }, [ui, chat]);
  return ui ? children(ui) : null;
}
