// Uploads an outbox entry's files one after another with XMLHttpRequest (fetch cannot tell
// how much of a body has gone), reporting progress into the state and writing each file's
// attachment id into the entry as soon as it has one, so a reload never uploads it twice.
import type { Attachment, UploadAttachmentResponse } from '../../../lib/contracts/dto';
import type { RequestError } from '../api';
import type { Chat } from '../chat';
import type { FileRef } from '../files';
import type { Pending } from '../outbox';
import type { Session } from '../state';
import { getBlob } from './blobs';

/** Upload refusals as the outbox records them: the attachment UI explains `file_…` itself. */
const REFUSALS: Record<number, string> = {
  400: 'file_invalid',
  413: 'file_too_large',
  415: 'file_type',
};

export class Uploader {
  constructor(
    private readonly chat: Chat,
    private readonly fail: (
      status: number,
      code: string,
      message: string,
      retryAfter?: number,
    ) => RequestError,
  ) {}

  async upload(entry: Pending, session: Session): Promise<string[]> {
    const files = () =>
      this.chat.state.pending.find((e) => e.clientId === entry.clientId)?.files ??
      entry.files ??
      [];
    for (const file of files()) {
      if (file.id) continue;
      const blob = await getBlob(file.key);
      if (!blob) throw this.fail(0, 'file_gone', 'The file is no longer stored');
      const attachment = await this.send(blob, file, session);
      this.chat.outbox.update(entry.clientId, {
        files: files().map((f) => (f.key === file.key ? { ...f, id: attachment.id } : f)),
      });
    }
    return files().map((file) => file.id!);
  }

  private progress(key: string, fraction: number | null): void {
    const uploads = { ...this.chat.state.uploads };
    if (fraction === null) delete uploads[key];
    else uploads[key] = fraction;
    this.chat.store.set({ uploads });
  }

  private send(blob: Blob, file: FileRef, session: Session): Promise<Attachment> {
    const url = `${this.chat.host.options.base}/api/v1/conversations/${session.conversationId}/attachments`;
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.setRequestHeader('Authorization', `Bearer ${session.token}`);
      request.responseType = 'json';
      request.upload.onprogress = (event) =>
        this.progress(file.key, event.lengthComputable ? event.loaded / event.total : 0);
      this.progress(file.key, 0);
      request.onload = () => {
        this.progress(file.key, null);
        const body = request.response as
          | (Partial<UploadAttachmentResponse> & { error?: { code?: string; message?: string } })
          | null;
        if (request.status === 201 && body?.attachment) return resolve(body.attachment);
        const retryAfter = Number(request.getResponseHeader('Retry-After')) || undefined;
        const code =
          REFUSALS[request.status] ??
          body?.error?.code ??
          (request.status >= 500 ? 'unavailable' : 'error');
        reject(
          this.fail(request.status, code, body?.error?.message ?? 'Upload failed', retryAfter),
        );
      };
      request.onerror = () => {
        this.progress(file.key, null);
        reject(this.fail(0, 'network', 'The upload was interrupted'));
      };
      const form = new FormData();
      form.append('file', blob, file.name);
      request.send(form);
    });
  }
}
