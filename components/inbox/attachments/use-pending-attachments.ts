'use client';
// The composer's files: checked against the server's limits before anything is sent, uploaded
// at once with progress, retried on request, and forgotten (with their previews) on send.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { isImageType } from '@/lib/contracts/attachments';
import type { AttachmentLimits } from '@/lib/contracts/dto';
import { errorMessage } from '../../api';
import { refusal } from './files';
import { applyPendingChange, type PendingFile } from './pending';
import { attachmentsUrl, isFinalRefusal, uploadFile } from './upload';

export interface PendingAttachments {
  pending: PendingFile[];
  /** Why the last files offered were not added (too big, too many); empty when all were. */
  refusals: string[];
  add(files: Iterable<File>): void;
  retry(key: string): void;
  remove(key: string): void;
  /** After a send: the files now belong to the message. */
  clear(): void;
  dismissRefusals(): void;
}

let counter = 0;
const nextKey = () => `f${++counter}-${Date.now().toString(36)}`;

export function usePendingAttachments(
  conversationId: string,
  limits: AttachmentLimits,
): PendingAttachments {
  const [pending, dispatch] = useReducer(applyPendingChange<File>, []);
  const [refusals, setRefusals] = useState<string[]>([]);
  const uploads = useRef(new Map<string, AbortController>());
  const latest = useRef(pending);
  latest.current = pending;

  const start = useCallback(
    (entry: PendingFile) => {
      const controller = new AbortController();
      uploads.current.set(entry.key, controller);
      uploadFile(attachmentsUrl(conversationId), entry.file, {
        signal: controller.signal,
        onProgress: (sentBytes) => dispatch({ kind: 'progress', key: entry.key, sentBytes }),
      })
        .then((attachment) => dispatch({ kind: 'uploaded', key: entry.key, attachment }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          dispatch({
            kind: 'failed',
            key: entry.key,
            error: errorMessage(error),
            retryable: !isFinalRefusal(error),
          });
        })
        .finally(() => {
          if (uploads.current.get(entry.key) === controller) uploads.current.delete(entry.key);
        });
    },
    [conversationId],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const accepted: PendingFile[] = [];
      const refused: string[] = [];
      for (const file of files) {
        const reason = refusal(file, limits, latest.current.length + accepted.length);
        if (reason) {
          refused.push(reason);
          continue;
        }
        const type = file.type || 'application/octet-stream';
        accepted.push({
          key: nextKey(),
          file,
          name: file.name || 'file',
          size: file.size,
          type,
          previewUrl: isImageType(type) ? URL.createObjectURL(file) : null,
          status: 'uploading',
          sentBytes: 0,
          attachment: null,
          error: null,
          retryable: true,
        });
      }
      setRefusals(refused);
      if (!accepted.length) return;
      dispatch({ kind: 'added', files: accepted });
      for (const entry of accepted) start(entry);
    },
    [limits, start],
  );

  const forget = useCallback((entry: PendingFile) => {
    uploads.current.get(entry.key)?.abort();
    uploads.current.delete(entry.key);
    if (entry.previewUrl) URL.revokeObjectURL(entry.previewUrl);
  }, []);

  const retry = useCallback(
    (key: string) => {
      const entry = latest.current.find((e) => e.key === key);
      if (entry?.status !== 'failed' || !entry.retryable) return;
      dispatch({ kind: 'retrying', key });
      start(entry);
    },
    [start],
  );

  const remove = useCallback(
    (key: string) => {
      const entry = latest.current.find((e) => e.key === key);
      if (entry) forget(entry);
      dispatch({ kind: 'removed', key });
    },
    [forget],
  );

  const clear = useCallback(() => {
    for (const entry of latest.current) forget(entry);
    dispatch({ kind: 'cleared' });
    setRefusals([]);
  }, [forget]);

  // Leaving the conversation cancels what is still on its way and frees the previews.
  useEffect(() => () => latest.current.forEach(forget), [forget]);

  return {
    pending,
    refusals,
    add,
    retry,
    remove,
    clear,
    dismissRefusals: useCallback(() => setRefusals([]), []),
  };
}
