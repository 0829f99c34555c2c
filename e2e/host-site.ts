// A customer's website for the specs: a static page on its own origin (127.0.0.1 and its own
// port, while Parley is on localhost), embedding the widget exactly as the README says.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostSite {
  url: string;
  close(): Promise<void>;
}

export interface EmbedOptions {
  department?: string;
  position?: 'left' | 'right';
  color?: string;
  locale?: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `?department=&position=&color=&locale=` become the script's data-* attributes;
 * `?commands=[["open"], …]` are queued with `Parley(…)` before the script loads.
 */
function page(parleyUrl: string, query: URLSearchParams): string {
  const attributes = ['department', 'position', 'color', 'locale']
    .filter((name) => query.get(name))
    .map((name) => ` data-${name}="${escapeHtml(query.get(name) ?? '')}"`)
    .join('');
  const commands = (JSON.parse(query.get('commands') ?? '[]') as unknown[][])
    .map((args) => `Parley(${args.map((arg) => JSON.stringify(arg)).join(',')});`)
    .join('')
    .replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Hiking Gear</title>
<style>body{font-family:Georgia,serif;margin:0 auto;max-width:720px;padding:24px;line-height:1.5}</style>
<script>window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)};${commands}</script>
<script async src="${parleyUrl}/widget.js"${attributes}></script>
</head>
<body>
<header><h1>Acme Hiking Gear</h1><nav><a href="/">Home</a> · <a href="/?page=boots">Boots</a></nav></header>
<main>
<p>Sturdy boots, light tents and warm jackets for every trail.</p>
<p><button type="button" id="help" onclick="Parley('open')">Questions? Talk to us</button></p>
</main>
</body>
</html>`;
}

export async function startHostSite(parleyUrl: string): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== '/') {
      res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(parleyUrl, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
