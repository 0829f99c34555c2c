// The widget's bundles as a visitor downloads them: within DESIGN §10's budget at worst (the
// build refusing them when not), the live link and the conversation's views left to their
// chunk, every lazy chunk on the app's own Preact (one copy, or hooks break), the app on the
// loader's helpers, each app speaking its own language alone, and no zod in the browser.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../widget/locale';
import { bundleWidget, CHUNK_ENTRIES, type WidgetBundle } from './widget-bundles';
import { describeSizes, LOADER_BUDGET, TOTAL_BUDGET, widgetSizes } from './widget-sizes';

// Strings only Preact's renderer carries.
const PREACT_MARKERS = ['dangerouslySetInnerHTML', 'http://www.w3.org/1998/Math/MathML'];
// A string only the storage helpers carry (their probe key).
const STORAGE_MARKER = 'probe';
// A word of each language, and a word of every other.
const WORDS = { en: 'Write a message…', de: 'Nachricht schreiben…', ru: 'Напишите сообщение…' };

describe('the widget bundles', () => {
  let bundle: WidgetBundle;

  it('builds the loader, an app per language and every chunk', async () => {
    bundle = await bundleWidget();
    const names = [
      ...Object.keys(CHUNK_ENTRIES),
      ...LOCALES.map((locale) => `strings-${locale}`),
    ].sort();
    expect(Object.keys(bundle.chunks).sort()).toEqual(names);
    for (const app of Object.values(bundle.apps)) {
      expect(app.name).toMatch(/^app-[a-z]{2}-[0-9a-f]{12}\.js$/);
      expect(bundle.loader).toContain(`widget/${app.name}`);
      // Each app knows each chunk's hashed name.
      for (const chunk of Object.values(bundle.chunks)) {
        expect(chunk.name).toMatch(/^[a-z-]+-[0-9a-f]{12}\.js$/);
        expect(app.code).toContain(`widget/${chunk.name}`);
      }
    }
  }, 60_000);

  it('stays within the budget: the loader ≤ 4 KB, loader + any app + the start form ≤ 25 KB', () => {
    const sizes = widgetSizes(bundle);
    expect(sizes.loader).toBeLessThanOrEqual(LOADER_BUDGET);
    expect(sizes.toChat).toBeLessThanOrEqual(TOTAL_BUDGET);
    // The worst case is the largest app with the start form, and it is within the budget.
    for (const locale of LOCALES) {
      expect(sizes.loader + sizes.apps[locale] + sizes.chunks.start).toBeLessThanOrEqual(
        sizes.worst,
      );
    }
    expect(sizes.worst).toBeLessThanOrEqual(TOTAL_BUDGET);
    // What waits for first use really is outside: every chunk is smaller than an app.
    for (const size of Object.values(sizes.chunks)) expect(size).toBeLessThan(sizes.apps.en);
  });

  it('fails the build when the worst case or the loader goes over its budget', () => {
    const sizes = widgetSizes(bundle);
    // Bytes gzip cannot shrink, a little more than the room left.
    const filler = (spare: number) => `/*${randomBytes(spare + 100).toString('hex')}*/`;
    const start = bundle.chunks.start;
    const heavierStart: WidgetBundle = {
      ...bundle,
      chunks: {
        ...bundle.chunks,
        start: { ...start, code: start.code + filler(TOTAL_BUDGET - sizes.worst) },
      },
    };
    const heavierLoader: WidgetBundle = {
      ...bundle,
      loader: bundle.loader + filler(LOADER_BUDGET - sizes.loader),
    };
    expect(describeSizes(bundle).overBudget).toBe(false);
    expect(widgetSizes(heavierStart).worst).toBeGreaterThan(TOTAL_BUDGET);
    expect(describeSizes(heavierStart).overBudget).toBe(true);
    expect(describeSizes(heavierLoader).overBudget).toBe(true);
  });

  it('speaks one language per app and per language chunk', () => {
    for (const locale of LOCALES) {
      for (const [other, word] of Object.entries(WORDS)) {
        const expected = other === locale;
        expect(bundle.apps[locale].code.includes(word), `app-${locale}: ${word}`).toBe(expected);
        expect(bundle.chunks[`strings-${locale}`].code.includes(word)).toBe(expected);
      }
    }
  });

  it('renders every chunk with the app’s Preact, never a copy of its own', () => {
    for (const app of Object.values(bundle.apps)) {
      for (const marker of PREACT_MARKERS) expect(app.code).toContain(marker);
    }
    for (const [name, chunk] of Object.entries(bundle.chunks)) {
      for (const marker of PREACT_MARKERS) {
        expect(chunk.code.includes(marker), `${name} carries its own Preact`).toBe(false);
      }
    }
  });

  it('leaves what only a conversation needs to the conversation chunk', () => {
    // The socket's handshake path, and the views' Reply button.
    const markers = ['socket.io/?EIO=4', 'class:"reply"'];
    for (const marker of markers) {
      expect(bundle.chunks.conversation.code).toContain(marker);
      for (const app of Object.values(bundle.apps)) {
        expect(app.code.includes(marker), `${app.name} carries ${marker}`).toBe(false);
      }
    }
  });

  it('keeps one copy of the storage helpers: the loader’s', () => {
    expect(bundle.loader).toContain(STORAGE_MARKER);
    for (const file of [...Object.values(bundle.apps), ...Object.values(bundle.chunks)]) {
      expect(file.code.includes(STORAGE_MARKER), `${file.name} carries storage`).toBe(false);
    }
  });

  it('ships no zod to the browser', () => {
    for (const code of [
      bundle.loader,
      ...Object.values(bundle.apps).map((app) => app.code),
      ...Object.values(bundle.chunks).map((chunk) => chunk.code),
    ]) {
      expect(code).not.toMatch(/ZodError|zod\.dev/);
    }
  });
});
