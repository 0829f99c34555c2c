// The attachment UI's entry (public/widget/files-<hash>.js), run once when the app first needs
// it: takes the hand-off from its script element, adds its styles to the panel's shadow root,
// and gives the app the tray, the file views and the uploader.
import { addStyles } from '../../styles';
import type { FilesUi } from '../files';
import { receivedHandOff } from '../hand-off';
import type { ChatState } from '../state';
import { attachFiles } from './attach';
import { deleteBlob, pruneBlobs } from './blobs';
import { forgetPreview } from './previews';
import { type FilesTranslate, filesTranslator } from './strings';
import css from './styles.css';
import { Uploader } from './upload';
import { bindViews, Files, PendingFiles, Tray } from './views';

const handOff = receivedHandOff<FilesUi>();

/** Every file the tray and the outbox still need. */
const referenced = (state: ChatState) =>
  new Set(
    [...state.tray, ...state.pending.flatMap((entry) => entry.files ?? [])].map((f) => f.key),
  );

if (handOff) {
  const { chat } = handOff;
  addStyles(chat.host.root, css);
  // The locale may still change when the config arrives.
  const t: FilesTranslate = (key, values) => filesTranslator(chat.locale)(key, values);
  const uploader = new Uploader(chat, (...args) => new handOff.RequestError(...args));
  // The files of this page view (picked here, or waiting in the outbox) leave the browser's
  // storage once nothing needs them; older leftovers are pruned after a day.
  const mine = referenced(chat.state);
  chat.subscribe(() => {
    const needed = referenced(chat.state);
    for (const key of mine) {
      if (needed.has(key)) continue;
      mine.delete(key);
      forgetPreview(key);
      void deleteBlob(key);
    }
  });
  void pruneBlobs(mine);
  bindViews(chat, t);
  const ui: FilesUi = {
    attach(files) {
      for (const key of attachFiles(chat, files, t)) mine.add(key);
    },
    upload: (entry, session) => uploader.upload(entry, session),
    Tray,
    Files,
    PendingFiles,
  };
  handOff.ready(ui);
}
