// Responses that browsers save as files: an export's body with its name and type.
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
