// What a widget config means for this visitor: the language (the page's wish, the browser's,
// then the server's), the strings (the admin's wording when it is in that language) and the
// department chosen for them (by `data-department`, or the only one there is).
import type { WidgetConfig } from '../../lib/contracts/dto';
import type { WidgetOptions } from '../host';
import { browserLanguages, pickLocale } from './i18n';

export interface Configured {
  locale: string;
  /** The admin's wording, when it is in the visitor's language. */
  overrides: Record<string, string>;
  /** The department the visitor need not choose, if any. */
  departmentId: string | undefined;
}

/** `preview`: the console shows the admin the locale being edited, overrides included. */
export function configure(
  config: WidgetConfig,
  options: WidgetOptions,
  preview: boolean,
): Configured {
  const locale = pickLocale(options.locale, ...(preview ? [] : browserLanguages()), config.locale);
  const sameLanguage = pickLocale(config.locale) === locale;
  const wanted = options.department?.toLowerCase();
  const preset =
    config.departments.find(
      (d) => d.id === options.department || d.name.toLowerCase() === wanted,
    ) ?? (config.departments.length === 1 ? config.departments[0] : undefined);
  return {
    locale,
    overrides: sameLanguage ? config.strings : {},
    departmentId: preset?.id,
  };
}
