// Bundles the embeddable widget in memory: the lazy chunks (attachments, emoji, the start
// form, the settings drawer, the email cards, the conversation's views, each language), the chat app once per language with that
// language's words inside (it knows the chunks' file names), and the loader that knows the
// apps'. Shared by the build (scripts/build-widget.ts, which writes them), the bench and the
// budget (widget-sizes.ts, which weigh them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Plugin, transform } from 'esbuild';
import { CHUNK_PROPERTY } from '../widget/app/hand-off';
import { SHARED_MODULES } from '../widget/app/shared-modules';
import { HOST_PROPERTY } from '../widget/host';
import { LOADER_MODULES } from '../widget/loader-modules';
import { LOCALES, type Locale } from '../widget/locale';

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
 * Imports that resolve to what the script's element carries rather than to a second copy:
 * `filter` picks the imports, `name` says which of `modules` each one is, and `source` is
 * where the running script finds them. Anything else it would share is a build error.
 */
function handedOver(
  pluginName: string,
  filter: RegExp,
  name: (path: string) => string,
  modules: Record<string, Record<string, unknown>>,
  source: string,
): Plugin {
  return {
    name: pluginName,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, (args) => ({
        path: name(args.path),
        namespace: pluginName,
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: pluginName }, (args) => {
        const shared = modules[args.path];
        if (!shared) return { errors: [{ text: `${args.path} is not handed over` }] };
        const names = Object.keys(shared).join(', ');
        return {
          contents: `export const { ${names} } = ${source}[${JSON.stringify(args.path)}];`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * A chunk uses the app's own Preact, chat context, stylesheet helper and the views it builds
 * on (one copy, so hooks and context work): its imports of the shared modules read what the
 * app handed to the chunk's script element.
 */
const fromApp = handedOver(
  'from-app',
  /^preact(\/.*)?$|\/ui\/(context|avatar|bubble|with-chunk)$|(^|\/)styles$/,
  (path) => (path.startsWith('preact') ? path : (path.split('/').pop() ?? path)),
  SHARED_MODULES,
  `document.currentScript.${CHUNK_PROPERTY}.modules`,
);

/** The app uses the loader's storage, stylesheet and language helpers, handed over with the host. */
const fromLoader = handedOver(
  'from-loader',
  /(^|\/)(storage|styles|locale)$/,
  (path) => path.split('/').pop() ?? path,
  LOADER_MODULES,
  `document.currentScript.${HOST_PROPERTY}.modules`,
);

/** A bundle speaking `locale`: strings/built-in.ts resolves to that language's table. */
const speaking = (locale: Locale): Plugin => ({
  name: 'speaking',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /(^|\/)built-in$/ }, () => ({
      path: join(root, 'widget/app/strings', `${locale}.ts`),
    }));
  },
});

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
    // The browsers the widget supports, no older syntax level: class fields stay fields.
    target: ['chrome100', 'firefox100', 'safari15'],
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

/** The lazy chunks but the languages: name → entry. The app loads each by name (app/chunks.ts). */
export const CHUNK_ENTRIES = {
  files: 'widget/app/files/index.ts',
  emoji: 'widget/app/emoji/index.tsx',
  start: 'widget/app/start/index.tsx',
  settings: 'widget/app/settings/index.tsx',
  email: 'widget/app/email/index.tsx',
  conversation: 'widget/app/conversation/index.ts',
} as const;

export type ChunkName = keyof typeof CHUNK_ENTRIES | `strings-${Locale}`;

export interface BundledFile {
  /** The content-hashed file name under public/widget/. */
  name: string;
  code: string;
}

export interface WidgetBundle {
  /** public/widget.js */
  loader: string;
  /** The chat app, once per language: the loader loads the visitor's. */
  apps: Record<Locale, BundledFile>;
  /** Fetched by the app on first use; `strings-<locale>` when the language changes later. */
  chunks: Record<ChunkName, BundledFile>;
}

export async function bundleWidget(): Promise<WidgetBundle> {
  const chunks = {} as WidgetBundle['chunks'];
  for (const [name, entry] of Object.entries(CHUNK_ENTRIES) as [ChunkName, string][]) {
    const code = await bundle(entry, {}, [fromApp]);
    chunks[name] = { name: hashed(name, code), code };
  }
  for (const locale of LOCALES) {
    const code = await bundle('widget/app/strings/chunk.ts', {}, [fromApp, speaking(locale)]);
    chunks[`strings-${locale}`] = { name: hashed(`strings-${locale}`, code), code };
  }
  const define = { __PARLEY_CHUNKS__: JSON.stringify(pathsOf(chunks)) };
  const apps = {} as WidgetBundle['apps'];
  for (const locale of LOCALES) {
    const code = await bundle('widget/app/index.tsx', define, [fromLoader, speaking(locale)]);
    apps[locale] = { name: hashed(`app-${locale}`, code), code };
  }
  const loader = await bundle('widget/loader.ts', {
    __PARLEY_APPS__: JSON.stringify(pathsOf(apps)),
  });
  return { loader, apps, chunks };
}

const pathsOf = (files: Record<string, BundledFile>) =>
  Object.fromEntries(Object.entries(files).map(([key, file]) => [key, `widget/${file.name}`]));
