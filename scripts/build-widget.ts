// Builds the embeddable widget into public/: the content-hashed chat app and attachment UI
// (public/widget/app-<hash>.js and files-<hash>.js, cacheable forever) and the small loader
// (public/widget.js) that knows the app's name. Prints gzipped sizes and fails when a budget
// from DESIGN.md §10 is exceeded (the attachment UI loads on first use, outside the budget).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWidget, LOADER_BUDGET, TOTAL_BUDGET, widgetSizes } from './widget-bundles';

const publicDir = join(__dirname, '..', 'public');
const appDir = join(publicDir, 'widget');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const bundle = await bundleWidget();
  const names = [bundle.app.name, bundle.files.name];

  mkdirSync(appDir, { recursive: true });
  // Old builds' files go; a deploy serves only what its own loader points to.
  for (const file of readdirSync(appDir)) {
    if (/^(app|files)-[0-9a-f]+\.js$/.test(file) && !names.includes(file)) {
      rmSync(join(appDir, file));
    }
  }
  writeFileSync(join(appDir, bundle.app.name), bundle.app.code);
  writeFileSync(join(appDir, bundle.files.name), bundle.files.code);
  writeFileSync(join(publicDir, 'widget.js'), bundle.loader);

  const sizes = widgetSizes(bundle);
  console.log('widget (gzip -9):');
  console.log(
    `  loader  public/widget.js            ${kb(sizes.loader)}  (budget ${kb(LOADER_BUDGET)})`,
  );
  console.log(`  app     public/widget/${bundle.app.name}  ${kb(sizes.app)}`);
  console.log(`  files   public/widget/${bundle.files.name}  ${kb(sizes.files)}  (on first use)`);
  console.log(
    `  to chat loader + app (no fonts, no images)  ${kb(sizes.toChat)}  (budget ${kb(TOTAL_BUDGET)})`,
  );
  if (sizes.loader > LOADER_BUDGET || sizes.toChat > TOTAL_BUDGET) {
    console.error('widget: over budget');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
