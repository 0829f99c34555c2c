// What the loader hands to the app besides the host: its storage, stylesheet and language
// helpers. The app uses the loader's copy rather than download a second one, and shares its
// state (the preview's in-memory storage included). The build maps the app's imports of these
// modules onto this list (scripts/widget-bundles.ts), as it maps a chunk's onto the app's.
import { browserLanguages, pickLocale, supportedLocale } from './locale';
import {
  keepInMemory,
  keysWith,
  onExternalChange,
  read,
  readRaw,
  readTab,
  write,
  writeRaw,
  writeTab,
} from './storage';
import { addStyles } from './styles';

export const LOADER_MODULES = {
  storage: {
    keepInMemory,
    keysWith,
    onExternalChange,
    read,
    readRaw,
    readTab,
    write,
    writeRaw,
    writeTab,
  },
  styles: { addStyles },
  locale: { browserLanguages, pickLocale, supportedLocale },
};
