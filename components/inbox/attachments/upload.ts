// Sends one file to the attachments endpoint (multipart, one `file`) with XMLHttpRequest,
// because fetch cannot report how much of a request body has gone out yet. Failures come
// back as ApiRequestError with the contract's code, like every other call of the agent API.

import type { Attachment } from '@/lib/contracts/dto';
import type { ErrorCode } from '@/lib/contracts/errors';
import { ApiRequestError } from '../../api';

export interface UploadOptions {
  onProgress(sentBytes: number, totalBytes: number): void;
  signal: AbortSignal;
}

/** The agent API's upload endpoint for a conversation. */
export const attachmentsUrl = (conversationId: string) =>
  `/api/v1/agent/conversations/${conversationId}/attachments`;

export function uploadFile(url: string, file: File, options: UploadOptions): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    request.addEventListener('load', () => {
      const body = request.response as {
        attachment?: Attachment;
        error?: { code: ErrorCode; message: string };
      } | null;
      if (request.status === 201 && body?.attachment) {
        resolve(body.attachment);
        return;
      }
      if (request.status === 401) window.location.assign('/login');
      reject(
        new ApiRequestError(
          request.status,
          body?.error?.code ?? (request.status >= 500 ? 'unavailable' : 'invalid_request'),
          body?.error?.message ?? `Upload failed (${request.status})`,
        ),
      );
    });
    request.addEventListener('error', () =>
      reject(new ApiRequestError(0, 'unavailable', 'The upload was interrupted')),
    );
    request.addEventListener('abort', () =>
      reject(new DOMException('The upload was cancelled', 'AbortError')),
    );
    options.signal.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Refusals a second attempt cannot fix: the file itself is not acceptable. */
export function isFinalRefusal(error: unknown): boolean {
  return (
    error instanceof ApiRequestError &&
    ['too_large', 'unsupported_media_type', 'invalid_request', 'forbidden', 'not_found'].includes(
      error.code,
    )
  );
}
