// Responses that browsers save as files (exports) or show as images (attachments).
export function download(
  body: string | ReadableStream<Uint8Array>,
  fileName: string,
  type: 'text/csv' | 'application/json',
): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** `filename="…"` for old clients (ASCII only) and `filename*` with the real name. */
function dispositionName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 5987 leaves ' ( ) * out of attr-char, which encodeURIComponent keeps as they are.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * An uploaded file. Whatever its bytes, a browser never runs it as a page: the type is
 * not sniffed, the sandbox CSP gives it no origin and no scripts, and only images are
 * shown inline (SVG and HTML are never stored at all).
 */
export function attachmentDownload(file: {
  body: ReadableStream<Uint8Array>;
  name: string;
  type: string;
  size: number | null;
  inline: boolean;
}): Response {
  return new Response(file.body, {
    headers: {
      'Content-Type': file.type,
      ...(file.size !== null ? { 'Content-Length': String(file.size) } : {}),
      'Content-Disposition': `${file.inline ? 'inline' : 'attachment'}; ${dispositionName(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      // Links change every hour (their expiry moves on), so a cached copy is never stale.
      'Cache-Control': 'private, max-age=3600',
      // The widget shows images on the customer's site, another origin.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/**
 * A profile photo: public and named by its content hash, so it may be cached for good and
 * shown on the customer's site (another origin); never sniffed, never a document.
 */
export function avatarDownload(image: { data: Buffer; type: string }): Response {
  return new Response(new Uint8Array(image.data), {
    headers: {
      'Content-Type': image.type,
      'Content-Length': String(image.data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
