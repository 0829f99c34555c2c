// Builds the embeddable widget into public/: the content-hashed chat app and its lazy chunks
// (public/widget/<name>-<hash>.js, cacheable forever) and the small loader (public/widget.js)
// that knows the app's name. Prints gzipped sizes and fails when a budget from DESIGN.md §10
// is exceeded (attachments and emoji load on first use, outside the budget).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWidget, describeSizes } from './widget-bundles';

const publicDir = join(__dirname, '..', 'public');
const appDir = join(publicDir, 'widget');

async function main(): Promise<void> {
  const bundle = await bundleWidget();
  const files = [bundle.app, ...Object.values(bundle.chunks)];
  const names = files.map((file) => file.name);

  mkdirSync(appDir, { recursive: true });
  // Old builds' files go; a deploy serves only what its own loader points to.
  for (const file of readdirSync(appDir)) {
    if (/^[a-z-]+-[0-9a-f]{12}\.js$/.test(file) && !names.includes(file))
      rmSync(join(appDir, file));
  }
  for (const file of files) writeFileSync(join(appDir, file.name), file.code);
  writeFileSync(join(publicDir, 'widget.js'), bundle.loader);

  const { lines, overBudget } = describeSizes(bundle);
  console.log('widget (gzip -9):');
  for (const line of lines) console.log(`  ${line}`);
  if (overBudget) {
    console.error('widget: over budget');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
