// The widget's bundles as a visitor downloads them: within DESIGN §10's budget, every lazy
// chunk on the app's own Preact (one copy, or hooks break), and no zod in the browser.
import { describe, expect, it } from 'vitest';
import {
  bundleWidget,
  CHUNK_ENTRIES,
  LOADER_BUDGET,
  TOTAL_BUDGET,
  type WidgetBundle,
  widgetSizes,
} from './widget-bundles';

// Strings only Preact's renderer carries.
const PREACT_MARKERS = ['dangerouslySetInnerHTML', 'http://www.w3.org/1998/Math/MathML'];

describe('the widget bundles', () => {
  let bundle: WidgetBundle;

  it('builds the loader, the app and every chunk', async () => {
    bundle = await bundleWidget();
    expect(Object.keys(bundle.chunks).sort()).toEqual(Object.keys(CHUNK_ENTRIES).sort());
    for (const chunk of Object.values(bundle.chunks)) {
      expect(chunk.name).toMatch(/^[a-z-]+-[0-9a-f]{12}\.js$/);
      // The app knows each chunk's hashed name.
      expect(bundle.app.code).toContain(`widget/${chunk.name}`);
    }
    expect(bundle.loader).toContain(`widget/${bundle.app.name}`);
  }, 60_000);

  it('stays within the budget: the loader ≤ 4 KB, loader + app ≤ 25 KB gzipped', () => {
    const sizes = widgetSizes(bundle);
    expect(sizes.loader).toBeLessThanOrEqual(LOADER_BUDGET);
    expect(sizes.toChat).toBeLessThanOrEqual(TOTAL_BUDGET);
    // What waits for first use really is outside: every chunk is smaller than the app.
    for (const size of Object.values(sizes.chunks)) expect(size).toBeLessThan(sizes.app);
  });

  it('renders every chunk with the app’s Preact, never a copy of its own', () => {
    for (const marker of PREACT_MARKERS) expect(bundle.app.code).toContain(marker);
    for (const [name, chunk] of Object.entries(bundle.chunks)) {
      for (const marker of PREACT_MARKERS) {
        expect(chunk.code.includes(marker), `${name} carries its own Preact`).toBe(false);
      }
    }
  });

  it('ships no zod to the browser', () => {
    for (const code of [
      bundle.loader,
      bundle.app.code,
      ...Object.values(bundle.chunks).map((c) => c.code),
    ]) {
      expect(code).not.toMatch(/ZodError|zod\.dev/);
    }
  });
});
