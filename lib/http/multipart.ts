// Reads a multipart/form-data upload with one field `file`, streaming: bytes are counted as
// they arrive and reading stops at the limit, so an oversize body is never held in memory
// (nor read to its end) whatever its Content-Length claims.
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { formatBytes } from '../contracts/attachments';
import { env } from '../env';
import { AppError } from '../errors';

export interface UploadedFile {
  /** As the client named it; cleaned later. */
  name: string;
  bytes: Buffer;
}

/** Room for the multipart framing and a few small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError('too_large', `The file is over the limit of ${formatBytes(maxBytes)}`);

const wrongShape = () =>
  new AppError(
    'invalid_request',
    'Send the file as multipart/form-data with one field named "file"',
  );

export async function readUploadedFile(
  request: Request,
  maxBytes: number = env().attachments.maxBytes,
): Promise<UploadedFile> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) throw wrongShape();
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);

  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      defCharset: 'utf8',
      limits: { files: 1, fields: 10, parts: 11, fileSize: maxBytes, fieldSize: 1024 },
    });
  } catch {
    throw wrongShape();
  }

  return new Promise<UploadedFile>((resolve, reject) => {
    let file: UploadedFile | null = null;
    let failed = false;
    let received = 0;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      // Stop taking bytes from the client: the response goes out now, the rest is dropped.
      source.pause();
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes + ENVELOPE_BYTES) fail(tooLarge(maxBytes));
    });
    source.on('error', () => fail(new AppError('invalid_request', 'The upload was interrupted')));
    parser.on('file', (field, stream, filename) => {
      if (field !== 'file' || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      stream.on('end', () => {
        if (!stream.truncated) file = { name: filename ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => fail(wrongShape()));
    parser.on('error', () => fail(wrongShape()));
    parser.on('finish', () => {
      if (failed) return;
      if (!file) return fail(wrongShape());
      resolve(file);
    });
    source.pipe(parser);
  });
}
