// The widget's strings. Each app bundle has its visitor's language built in (strings/); any
// other arrives as a chunk. A chunk outside the budget brings its own words in every language,
// and the server's `strings` (the admin's wording, in the server's locale) override them all.
import { strings as builtIn, locale } from './strings/built-in';
import type { strings as english } from './strings/en';

/** A complete table: every language has every word, so none falls back to another. */
export type Strings = Record<keyof typeof english, string>;

/** Words only a chunk shows that loads on first use; each brings them (`<chunk>/strings.ts`). */
export interface ChunkStrings {
  // The conversation chunk's (conversation/strings.ts).
  typing: string;
  joined: string;
  reply: string;
  replyTo: string;
  replyingTo: string;
  cancelReply: string;
  edited: string;
  deleted: string;
  justNow: string;
  closed: string;
  newConversation: string;
  dismiss: string;
  blocked: string;
  rate_limited: string;
  too_large: string;
  invalid_request: string;
  // The settings chunk's (settings/strings.ts).
  sound: string;
  yourName: string;
  save: string;
  // The email chunk's (email/strings.ts).
  emailAsk: string;
  emailAskOffline: string;
  emailLabel: string;
  emailSave: string;
  emailNoThanks: string;
  emailSaved: string;
  emailInvalid: string;
  transcriptAsk: string;
  transcriptSend: string;
  transcriptSent: string;
}

export type StringKey = keyof Strings | keyof ChunkStrings;

/** The language this bundle has inside. */
export const builtInLocale: string = locale;

const tables: Record<string, Strings> = { [builtInLocale]: builtIn };
/** What chunks brought, by language: English stands in for a word a language lacks. */
const chunkTables: Record<string, Partial<ChunkStrings>> = {};

/** Whether `locale`'s strings are here (the built-in language's always are). */
export const hasLanguage = (locale: string): boolean => locale in tables;

/** `table` null: the language could not be fetched; the built-in one stands in. */
export function addLanguage(locale: string, table: Strings | null): void {
  tables[locale] = table ?? builtIn;
}

/** A chunk's own words, in every language it knows. */
export function addChunkStrings(byLocale: Record<string, Partial<ChunkStrings>>): void {
  for (const [locale, table] of Object.entries(byLocale)) {
    chunkTables[locale] = { ...chunkTables[locale], ...table };
  }
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(locale: string, overrides: Record<string, string> = {}): Translate {
  const table: Partial<Record<StringKey, string>> = {
    ...(tables[locale] ?? builtIn),
    ...chunkTables.en,
    ...chunkTables[locale],
    ...overrides,
  };
  // A chunk's word before the chunk is here: its key, never a crash.
  return (key, values) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      String(values?.[name] ?? whole),
    );
}
