// Builds the widget before the specs, so they never run against a stale bundle (the server
// serves what is in public/ when it starts). The Next build itself comes from `npm run build`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..');
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build-widget.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
}
