// The visitor's language: which one (the page's wish, the browser's, then the server's), its
// strings (English built in, the others fetched as chunks) and the admin's wording on top.
// Until a language's strings are here the panel waits rather than flash English.
import type { Chat } from './chat';
import { loadChunk } from './chunks';
import {
  addChunkStrings,
  addLanguage,
  browserLanguages,
  hasLanguage,
  pickLocale,
  type Strings,
  type Translate,
  translator,
} from './i18n';

export class Language {
  locale: string;
  t: Translate;
  private overrides: Record<string, string> = {};

  constructor(
    private readonly chat: Chat,
    wished: string | undefined,
    /** The strings changed (a language arrived): render again. */
    private readonly changed: () => void,
  ) {
    this.locale = pickLocale(wished, ...browserLanguages());
    this.t = translator('en');
    this.use(this.locale, {});
  }

  /** Whether the current language's strings are here. */
  get ready(): boolean {
    return hasLanguage(this.locale);
  }

  /** A chunk's own words arrived (before it renders anything). */
  extend(byLocale: Record<string, Partial<Strings>>): void {
    addChunkStrings(byLocale);
    this.t = translator(this.locale, this.overrides);
  }

  use(locale: string, overrides: Record<string, string>): void {
    this.locale = locale;
    this.overrides = overrides;
    if (hasLanguage(locale)) {
      this.t = translator(locale, overrides);
      return;
    }
    loadChunk<Partial<Strings>>(this.chat, `strings-${locale}`).then(
      (table) => {
        addLanguage(locale, table);
        if (this.locale === locale) this.use(locale, this.overrides);
        this.changed();
      },
      () => {
        // Unreachable strings: English rather than no chat at all.
        addLanguage(locale, {});
        if (this.locale === locale) this.use(locale, this.overrides);
        this.changed();
      },
    );
  }
}
