// The widget's weight as DESIGN §10 budgets it, gzip -9: the loader on its own, what an
// English visitor downloads before they can chat, and the worst case (the largest language
// and the start form). The build fails when the loader or the worst case is over its budget
// (scripts/build-widget.ts), as does scripts/widget-bundles.test.ts.
import { gzipSync } from 'node:zlib';
import { LOCALES, type Locale } from '../widget/locale';
import type { ChunkName, WidgetBundle } from './widget-bundles';

export const LOADER_BUDGET = 4 * 1024;
export const TOTAL_BUDGET = 25 * 1024;

export function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

/**
 * Every file's gzipped size and the sums that matter. A visitor downloads the loader and the
 * app built in their language; on a site that asks for a department or pre-chat answers, the
 * start chunk too, before the first message. `worst` is the largest of those: the budget.
 * Attachments, emoji, the settings drawer, the email cards and the conversation's views (with
 * the first message) load on first use, outside it. A language chunk is fetched only when the
 * language differs from the app's: in the console's preview, or when the server's language
 * decides and the loader's config request failed or took longer than the launcher waits
 * (then app-en + strings-<locale> stand in for app-<locale>).
 */
export function widgetSizes(bundle: WidgetBundle) {
  const loader = gzipSize(bundle.loader);
  const apps = Object.fromEntries(
    LOCALES.map((locale) => [locale, gzipSize(bundle.apps[locale].code)]),
  ) as Record<Locale, number>;
  const chunks = Object.fromEntries(
    Object.entries(bundle.chunks).map(([name, chunk]) => [name, gzipSize(chunk.code)]),
  ) as Record<ChunkName, number>;
  const largest = LOCALES.reduce((a, b) => (apps[b] > apps[a] ? b : a));
  const toChat = loader + apps.en;
  const worst = loader + apps[largest] + chunks.start;
  const onFirstUse =
    chunks.files + chunks.emoji + chunks.settings + chunks.email + chunks.conversation;
  return { loader, apps, chunks, largest, toChat, worst, withLazy: worst + onFirstUse };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;

/** The lines the build and the bench print: every file's weight and the budgets. */
export function describeSizes(bundle: WidgetBundle): { lines: string[]; overBudget: boolean } {
  const sizes = widgetSizes(bundle);
  const file = (label: string, name: string, bytes: number, note = '') =>
    `${label.padEnd(10)} public/widget/${name}  ${kb(bytes)}${note}`;
  const lines = [
    `loader     public/widget.js  ${kb(sizes.loader)}  (budget ${kb(LOADER_BUDGET)})`,
    ...LOCALES.map((locale) => file(`app-${locale}`, bundle.apps[locale].name, sizes.apps[locale])),
    ...Object.entries(bundle.chunks).map(([name, chunk]) =>
      file(name, chunk.name, sizes.chunks[name as ChunkName], '  (when needed)'),
    ),
    `to chat in English: loader + app-en  ${kb(sizes.toChat)}  (budget ${kb(TOTAL_BUDGET)})`,
    `to chat at worst, with the start form: loader + app-${sizes.largest} + start  ${kb(
      sizes.worst,
    )}  (budget ${kb(TOTAL_BUDGET)}, ${
      sizes.worst > TOTAL_BUDGET
        ? `${sizes.worst - TOTAL_BUDGET} B over`
        : `${TOTAL_BUDGET - sizes.worst} B to spare`
    })`,
    `everything, attachments, emoji, settings, email and the conversation included  ${kb(
      sizes.withLazy,
    )}`,
  ];
  // The worst case includes the English one.
  return { lines, overBudget: sizes.loader > LOADER_BUDGET || sizes.worst > TOTAL_BUDGET };
}
