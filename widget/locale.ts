// The languages the widget speaks and how a visitor's is picked: the page's wish, then the
// browser's, then the server's. The loader picks with it which app to load (each is built with
// one language inside), and the app with it which strings to show.

export const LOCALES = ['en', 'de', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The first supported language among the candidates, if any. */
export function supportedLocale(...candidates: (string | undefined)[]): Locale | undefined {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (LOCALES.includes(language as Locale)) return language as Locale;
  }
  return undefined;
}

export const pickLocale = (...candidates: (string | undefined)[]): Locale =>
  supportedLocale(...candidates) ?? 'en';

export function browserLanguages(): string[] {
  return [...(navigator.languages ?? []), navigator.language];
}
