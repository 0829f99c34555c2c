// The route handlers that exist on disk and the paths they serve, the way Next's App Router
// resolves them (a static segment wins over a dynamic one). The drift test compares them
// with the registry.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface RouteFile {
  /** Relative to the project root: `app/api/v1/conversations/[id]/route.ts`. */
  file: string;
  /** URL segments; `[id]` for a dynamic one. */
  segments: string[];
  /** Exported HTTP methods, upper case. */
  methods: string[];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(
    /export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g,
  )) {
    found.add(match[1]!);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return METHODS.filter((method) => found.has(method));
}

export function listRouteFiles(root: string): RouteFile[] {
  const files: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name === 'route.ts') {
        const segments = dir
          .split('/')
          .slice(1)
          // Route groups `(name)` and private folders do not appear in the URL.
          .filter((segment) => !/^\(.*\)$/.test(segment));
        files.push({
          file: relative,
          segments,
          methods: exportedMethods(readFileSync(path.join(root, relative), 'utf8')),
        });
      }
    }
  };
  walk('app');
  return files;
}

const isDynamic = (segment: string) => segment.startsWith('[');
const isParam = (segment: string) => segment.startsWith('{');

function matches(file: RouteFile, url: string[]): boolean {
  const catchAll = file.segments.findIndex((s) => s.startsWith('[...') || s.startsWith('[[...'));
  const fixed = catchAll === -1 ? file.segments : file.segments.slice(0, catchAll);
  if (catchAll === -1 ? fixed.length !== url.length : url.length < fixed.length) return false;
  return fixed.every((segment, i) =>
    isDynamic(segment) ? true : !isParam(url[i]!) && segment === url[i],
  );
}

/** The file that serves a documented path such as `/api/v1/conversations/{id}`. */
export function resolveRouteFile(files: RouteFile[], urlPath: string): RouteFile | undefined {
  const url = urlPath.split('/').filter(Boolean);
  const candidates = files.filter((file) => matches(file, url));
  // Next's precedence: at the first segment where two candidates differ, static wins.
  candidates.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const da = a.segments[i] === undefined || isDynamic(a.segments[i]!);
      const db = b.segments[i] === undefined || isDynamic(b.segments[i]!);
      if (da !== db) return da ? 1 : -1;
    }
    return 0;
  });
  return candidates[0];
}
