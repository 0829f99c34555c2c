// The widget's strings. Each app bundle has its visitor's language built in (strings/); any
// other arrives as a chunk, and the server's `strings` (the admin's wording, in the server's
// locale) override it.
import { strings as builtIn, locale } from './strings/built-in';
import type { strings as english } from './strings/en';

export type StringKey = keyof typeof english;
/** A complete table: every language has every word, so none falls back to another. */
export type Strings = Record<StringKey, string>;

/** The language this bundle has inside. */
export const builtInLocale: string = locale;

const tables: Record<string, Strings> = { [builtInLocale]: builtIn };

/** Whether `locale`'s strings are here (the built-in language's always are). */
export const hasLanguage = (locale: string): boolean => locale in tables;

/** `table` null: the language could not be fetched; the built-in one stands in. */
export function addLanguage(locale: string, table: Strings | null): void {
  tables[locale] = table ?? builtIn;
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(locale: string, overrides: Record<string, string> = {}): Translate {
  const table = { ...(tables[locale] ?? builtIn), ...overrides } as Strings;
  return (key, values) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      String(values?.[name] ?? whole),
    );
}
