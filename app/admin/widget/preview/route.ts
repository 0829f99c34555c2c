// The page the console's live preview frames: the real /widget.js in preview mode, which
// takes its config from the console (postMessage) and never starts a conversation.
export const dynamic = 'force-dynamic';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Widget preview</title>
<style>
  html, body { margin: 0; height: 100%; }
  body { background: #f1f5f9; background-image: radial-gradient(#cbd5e1 1px, transparent 1px); background-size: 16px 16px; }
  @media (prefers-color-scheme: dark) {
    body { background-color: #020617; background-image: radial-gradient(#1e293b 1px, transparent 1px); }
  }
</style>
</head>
<body>
<script async src="/widget.js" data-preview></script>
</body>
</html>
`;

export function GET(): Response {
  return new Response(PAGE, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // Only the console itself frames it (the server's CSP says frame-ancestors 'self').
      'Cache-Control': 'no-store',
    },
  });
}
