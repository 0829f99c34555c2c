// The embed code a site owner pastes, built from this server's real public address, and the
// script tag's optional data-* attributes explained. Shared by the console and /demo.

export const EMBED_ATTRIBUTES = [
  {
    name: 'data-department',
    example: 'Sales',
    text: 'A department id or name: the visitor is not asked to choose.',
  },
  { name: 'data-position', example: 'left', text: 'left or right, over the setting here.' },
  {
    name: 'data-color',
    example: '#0f766e',
    text: 'The brand colour (#rrggbb), over the setting here; text on it turns black or white.',
  },
  {
    name: 'data-locale',
    example: 'de',
    text: 'en, de or ru; otherwise the browser’s languages, then the locale set here.',
  },
] as const;

/** The two lines for the page: the command queue (optional) and the async loader. */
export function embedSnippet(publicUrl: string, data: Record<string, string> = {}): string {
  const attributes = Object.entries(data)
    .map(([key, value]) => ` ${key}="${value.replace(/"/g, '&quot;')}"`)
    .join('');
  return [
    '<script>window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)}</script>',
    `<script async src="${publicUrl}/widget.js"${attributes}></script>`,
  ].join('\n');
}
