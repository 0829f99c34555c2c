// Bundles the embeddable widget in memory: the lazy chunks (attachments, emoji, the start
// form, the languages other than English), the chat app that knows their file names, and the
// loader that knows the app's. Shared by the build (scripts/build-widget.ts, which writes them)
// and the bench (which weighs them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, transform } from 'esbuild';
import { CHUNK_PROPERTY } from '../widget/app/hand-off';
import { SHARED_MODULES } from '../widget/app/shared-modules';

const root = join(__dirname, '..');

// Stylesheets become minified strings for the shadow root: no extra request, no FOUC.
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: ['chrome100', 'firefox100', 'safari15'],
      });
      return { contents: code, loader: 'text' };
    });
  },
};

/**
 * A chunk uses the app's own Preact and chat context (one copy, so hooks and context work):
 * its imports of the shared modules read what the app handed to the chunk's script element.
 * Anything else it would share is a build error rather than a second copy.
 */
const fromApp: Plugin = {
  name: 'from-app',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^preact(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'from-app',
    }));
    pluginBuild.onResolve({ filter: /\/ui\/context$/ }, () => ({
      path: 'context',
      namespace: 'from-app',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'from-app' }, (args) => {
      const shared = SHARED_MODULES[args.path as keyof typeof SHARED_MODULES];
      if (!shared) return { errors: [{ text: `${args.path} is not shared with the chunk` }] };
      const names = Object.keys(shared).join(', ');
      const source = `document.currentScript.${CHUNK_PROPERTY}.modules[${JSON.stringify(args.path)}]`;
      return { contents: `export const { ${names} } = ${source};`, loader: 'js' };
    });
  },
};

async function bundle(
  entry: string,
  define: Record<string, string> = {},
  plugins: Plugin[] = [],
): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    plugins: [cssAsText, ...plugins],
    write: false,
  });
  return result.outputFiles[0]!.text;
}

const hashed = (prefix: string, code: string) =>
  `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;

/** The lazy chunks: name → entry. The app loads each by name (widget/app/chunks.ts). */
export const CHUNK_ENTRIES = {
  files: 'widget/app/files/index.ts',
  emoji: 'widget/app/emoji/index.tsx',
  start: 'widget/app/start/index.tsx',
  settings: 'widget/app/settings/index.tsx',
  email: 'widget/app/email/index.tsx',
  'strings-de': 'widget/app/strings/de.ts',
  'strings-ru': 'widget/app/strings/ru.ts',
} as const;

export type ChunkName = keyof typeof CHUNK_ENTRIES;

export interface WidgetBundle {
  /** public/widget.js */
  loader: string;
  app: { name: string; code: string };
  /** Fetched by the app on first use. */
  chunks: Record<ChunkName, { name: string; code: string }>;
}

export async function bundleWidget(): Promise<WidgetBundle> {
  const chunks = {} as WidgetBundle['chunks'];
  for (const [name, entry] of Object.entries(CHUNK_ENTRIES) as [ChunkName, string][]) {
    const code = await bundle(entry, {}, [fromApp]);
    chunks[name] = { name: hashed(name, code), code };
  }
  const paths = Object.fromEntries(
    Object.entries(chunks).map(([name, chunk]) => [name, `widget/${chunk.name}`]),
  );
  const appCode = await bundle('widget/app/index.tsx', {
    __PARLEY_CHUNKS__: JSON.stringify(paths),
  });
  const app = { name: hashed('app', appCode), code: appCode };
  const loader = await bundle('widget/loader.ts', {
    __PARLEY_APP__: JSON.stringify(`widget/${app.name}`),
  });
  return { loader, app, chunks };
}

export function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

export const LOADER_BUDGET = 4 * 1024;
export const TOTAL_BUDGET = 25 * 1024;

/**
 * The gzipped sizes DESIGN §10 budgets. `toChat` is what a visitor downloads to chat: the
 * loader and the app. Some visitors need more before their first message — the start form
 * (a site that asks for a department or pre-chat fields) and a language other than English —
 * so `most` adds the start chunk and the biggest language. Attachments, emoji and the
 * settings drawer load on first use.
 */
export function widgetSizes(bundle: WidgetBundle) {
  const loader = gzipSize(bundle.loader);
  const app = gzipSize(bundle.app.code);
  const chunks = Object.fromEntries(
    Object.entries(bundle.chunks).map(([name, chunk]) => [name, gzipSize(chunk.code)]),
  ) as Record<ChunkName, number>;
  const language = Math.max(chunks['strings-de'], chunks['strings-ru']);
  const toChat = loader + app;
  const most = toChat + chunks.start + language;
  const withLazy = most + chunks.files + chunks.emoji + chunks.settings;
  return { loader, app, chunks, toChat, most, withLazy };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;

/** The lines the build and the bench print: every file's weight and the budgets. */
export function describeSizes(bundle: WidgetBundle): { lines: string[]; overBudget: boolean } {
  const sizes = widgetSizes(bundle);
  const lines = [
    `loader   public/widget.js  ${kb(sizes.loader)}  (budget ${kb(LOADER_BUDGET)})`,
    `app      public/widget/${bundle.app.name}  ${kb(sizes.app)}`,
    ...Object.entries(bundle.chunks).map(
      ([name, chunk]) =>
        `${name.padEnd(8)} public/widget/${chunk.name}  ${kb(sizes.chunks[name as ChunkName])}  (when needed)`,
    ),
    `to chat: loader + app  ${kb(sizes.toChat)}  (budget ${kb(TOTAL_BUDGET)})`,
    `to chat with the start form and another language: + start + ${
      sizes.chunks['strings-ru'] > sizes.chunks['strings-de'] ? 'strings-ru' : 'strings-de'
    }  ${kb(sizes.most)}`,
    `everything, attachments, emoji and settings included  ${kb(sizes.withLazy)}`,
  ];
  return { lines, overBudget: sizes.loader > LOADER_BUDGET || sizes.toChat > TOTAL_BUDGET };
}
