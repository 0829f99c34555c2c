// The visitor's language: which one (the page's wish, the browser's, then the server's), its
// strings (built in when the loader picked this app for it, else fetched as a chunk) and the
// admin's wording on top. Until a language's strings are here the panel waits rather than
// flash another language.
import { browserLanguages, supportedLocale } from '../locale';
import type { Chat } from './chat';
import { loadChunk } from './chunks';
import {
  addChunkStrings,
  addLanguage,
  builtInLocale,
  type ChunkStrings,
  hasLanguage,
  type Strings,
  type Translate,
  translator,
} from './i18n';

export class Language {
  locale: string;
  t: Translate;
  #overrides: Record<string, string> = {};

  readonly #chat: Chat;
  /** The strings changed (a language arrived): render again. */
  readonly #changed: () => void;

  constructor(chat: Chat, wished: string | undefined, changed: () => void) {
    this.#chat = chat;
    this.#changed = changed;

    // Until the config names the server's language, the one the loader picked this app for.
    this.locale = supportedLocale(wished, ...browserLanguages()) ?? builtInLocale;
    this.t = translator(this.locale);
    this.use(this.locale, {});
  }

  /** Whether the current language's strings are here. */
  get ready(): boolean {
    return hasLanguage(this.locale);
  }

  /** A chunk's own words arrived (before it renders anything). */
  extend(byLocale: Record<string, Partial<ChunkStrings>>): void {
    addChunkStrings(byLocale);
    this.t = translator(this.locale, this.#overrides);
  }

  use(locale: string, overrides: Record<string, string>): void {
    this.locale = locale;
    this.#overrides = overrides;
    if (hasLanguage(locale)) {
      this.t = translator(locale, overrides);
      return;
    }
    const arrived = (table: Strings | null) => {
      addLanguage(locale, table);
      if (this.locale === locale) this.use(locale, this.#overrides);
      this.#changed();
    };
    // Unreachable strings: the built-in language rather than no chat at all.
    loadChunk<Strings>(this.#chat, `strings-${locale}`).then(arrived, () => arrived(null));
  }
}
