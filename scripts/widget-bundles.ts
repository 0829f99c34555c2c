// Bundles the embeddable widget in memory: the attachment UI (loaded on first use), the chat
// app that knows the attachment file's name, and the loader that knows the app's. Shared by
// the build (scripts/build-widget.ts, which writes them) and the bench (which weighs them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, transform } from 'esbuild';
import { FILES_PROPERTY, SHARED_MODULES } from '../widget/app/shared-modules';

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
 * The attachment UI uses the app's own Preact (one copy, so hooks work): its imports of the
 * shared modules read what the app handed to the chunk's script element. Anything else it
 * would share is a build error rather than a second copy.
 */
const fromApp: Plugin = {
  name: 'from-app',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^preact(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'from-app',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'from-app' }, (args) => {
      const shared = SHARED_MODULES[args.path as keyof typeof SHARED_MODULES];
      if (!shared) return { errors: [{ text: `${args.path} is not shared with the chunk` }] };
      const names = Object.keys(shared).join(', ');
      const source = `document.currentScript.${FILES_PROPERTY}.modules[${JSON.stringify(args.path)}]`;
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

export interface WidgetBundle {
  /** public/widget.js */
  loader: string;
  app: { name: string; code: string };
  /** The attachment UI, fetched by the app on first use. */
  files: { name: string; code: string };
}

export async function bundleWidget(): Promise<WidgetBundle> {
  const filesCode = await bundle('widget/app/files/index.ts', {}, [fromApp]);
  const files = { name: hashed('files', filesCode), code: filesCode };
  const appCode = await bundle('widget/app/index.tsx', {
    __PARLEY_FILES__: JSON.stringify(`widget/${files.name}`),
  });
  const app = { name: hashed('app', appCode), code: appCode };
  const loader = await bundle('widget/loader.ts', {
    __PARLEY_APP__: JSON.stringify(`widget/${app.name}`),
  });
  return { loader, app, files };
}

export function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

export const LOADER_BUDGET = 4 * 1024;
export const TOTAL_BUDGET = 25 * 1024;

/** The gzipped sizes DESIGN §10 budgets: what a visitor downloads to chat, and later. */
export function widgetSizes(bundle: WidgetBundle) {
  const loader = gzipSize(bundle.loader);
  const app = gzipSize(bundle.app.code);
  const files = gzipSize(bundle.files.code);
  return { loader, app, files, toChat: loader + app, withFiles: loader + app + files };
}
