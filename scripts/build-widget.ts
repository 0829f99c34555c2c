// Builds the embeddable widget into public/: the content-hashed chat app
// (public/widget/app-<hash>.js, cacheable forever) first, then the small loader
// (public/widget.js) that knows the app's name. Prints gzipped sizes and fails when a
// budget from DESIGN.md §10 is exceeded.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, transform } from 'esbuild';

const root = join(__dirname, '..');
const publicDir = join(root, 'public');
const appDir = join(publicDir, 'widget');
const LOADER_BUDGET = 4 * 1024;
const TOTAL_BUDGET = 25 * 1024;

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

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
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
    plugins: [cssAsText],
    write: false,
  });
  return result.outputFiles[0]!.text;
}

function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const app = await bundle('widget/app/index.tsx');
  const hash = createHash('sha256').update(app).digest('hex').slice(0, 12);
  const appName = `app-${hash}.js`;

  mkdirSync(appDir, { recursive: true });
  // Old builds' files go; a deploy serves only the app its own loader points to.
  for (const file of readdirSync(appDir)) {
    if (/^app-[0-9a-f]+\.js$/.test(file) && file !== appName) rmSync(join(appDir, file));
  }
  writeFileSync(join(appDir, appName), app);

  const loader = await bundle('widget/loader.ts', {
    __PARLEY_APP__: JSON.stringify(`widget/${appName}`),
  });
  writeFileSync(join(publicDir, 'widget.js'), loader);

  const loaderSize = gzipSize(loader);
  const appSize = gzipSize(app);
  const total = loaderSize + appSize;
  console.log('widget (gzip -9):');
  console.log(
    `  loader  public/widget.js          ${kb(loaderSize)}  (budget ${kb(LOADER_BUDGET)})`,
  );
  console.log(`  app     public/widget/${appName}  ${kb(appSize)}`);
  console.log(
    `  to chat loader + app (no fonts, no images)  ${kb(total)}  (budget ${kb(TOTAL_BUDGET)})`,
  );
  if (loaderSize > LOADER_BUDGET || total > TOTAL_BUDGET) {
    console.error('widget: over budget');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
