'use client';
// The composer's side of attachments: the attach button, the strip of files waiting to go
// (picture previews, chips with name and size, progress, retry and remove), the reasons a
// file was not added, and the drop target for files dragged onto the composer.
import { type DragEvent, useRef, useState } from 'react';
import { ATTACHMENT_ACCEPT, formatBytes } from '@/lib/contracts/attachments';
import type { AttachmentLimits } from '@/lib/contracts/dto';
import { Alert } from '../../ui';
import { CloseIcon, FileIcon, PaperclipIcon, RetryIcon } from './icons';
import { type PendingFile, progressOf } from './pending';
import type { PendingAttachments } from './use-pending-attachments';

export function limitHint(limits: AttachmentLimits): string {
  return `Up to ${limits.maxFiles} files, ${formatBytes(limits.maxBytes)} each`;
}

export function AttachButton({
  limits,
  disabled,
  onFiles,
}: {
  limits: AttachmentLimits;
  disabled: boolean;
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const hint = limitHint(limits);
  return (
    <>
      <button
        type="button"
        aria-label={`Attach files (${hint})`}
        title={`Attach files — ${hint.toLowerCase()}. You can also paste or drop them here.`}
        disabled={disabled}
        onClick={() => input.current?.click()}
        className="grid h-9 w-9 place-items-center rounded-md text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-50 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        <PaperclipIcon className="h-5 w-5" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
    </>
  );
}

function statusText(entry: PendingFile): string {
  if (entry.status === 'uploaded') return formatBytes(entry.size);
  if (entry.status === 'failed') return entry.error ?? 'Upload failed';
  return `Uploading… ${Math.round(progressOf(entry) * 100)}%`;
}

function PendingItem({
  entry,
  onRetry,
  onRemove,
}: {
  entry: PendingFile;
  onRetry(): void;
  onRemove(): void;
}) {
  const failed = entry.status === 'failed';
  return (
    <li
      className={`relative flex w-56 items-center gap-2 overflow-hidden rounded-md border bg-white p-1.5 ${failed ? 'border-red-300 dark:border-red-800' : 'border-slate-200 dark:border-slate-700'} dark:bg-slate-900`}
    >
      {entry.previewUrl ? (
        // biome-ignore lint/performance/noImgElement: a local object URL of the file being uploaded
        <img
          src={entry.previewUrl}
          alt={`Preview of ${entry.name}`}
          className="h-10 w-10 shrink-0 rounded object-cover"
        />
      ) : (
        <span className="grid h-10 w-10 shrink-0 place-items-center rounded bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400">
          <FileIcon className="h-5 w-5" />
        </span>
      )}
      <span className="min-w-0 flex-1">
        <span
          className="block truncate text-sm font-medium text-slate-800 dark:text-slate-100"
          title={entry.name}
        >
          {entry.name}
        </span>
        <span
          className={`block truncate text-xs ${failed ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
          title={failed ? (entry.error ?? undefined) : undefined}
        >
          {statusText(entry)}
        </span>
      </span>
      {failed && entry.retryable ? (
        <button
          type="button"
          aria-label={`Retry uploading ${entry.name}`}
          onClick={onRetry}
          className="grid h-7 w-7 place-items-center rounded text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <RetryIcon />
        </button>
      ) : null}
      <button
        type="button"
        aria-label={`Remove ${entry.name}`}
        onClick={onRemove}
        className="grid h-7 w-7 place-items-center rounded text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        <CloseIcon />
      </button>
      {entry.status === 'uploading' ? (
        <span
          role="progressbar"
          aria-label={`Uploading ${entry.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progressOf(entry) * 100)}
          className="absolute inset-x-0 bottom-0 h-1 bg-slate-100 dark:bg-slate-800"
        >
          <span
            className="block h-full bg-indigo-500 transition-[width]"
            style={{ width: `${progressOf(entry) * 100}%` }}
          />
        </span>
      ) : null}
    </li>
  );
}

export function PendingFiles({ files }: { files: PendingAttachments }) {
  if (!files.pending.length && !files.refusals.length) return null;
  return (
    <div className="mb-2 flex flex-col gap-2">
      {files.refusals.length ? (
        <Alert>
          <div className="flex items-start gap-2">
            <ul className="flex-1">
              {files.refusals.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <button
              type="button"
              aria-label="Dismiss"
              onClick={files.dismissRefusals}
              className="rounded p-0.5 hover:bg-red-100 dark:hover:bg-red-950"
            >
              <CloseIcon />
            </button>
          </div>
        </Alert>
      ) : null}
      {files.pending.length ? (
        <ul aria-label="Files to send" className="flex flex-wrap gap-2">
          {files.pending.map((entry) => (
            <PendingItem
              key={entry.key}
              entry={entry}
              onRetry={() => files.retry(entry.key)}
              onRemove={() => files.remove(entry.key)}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Drag-and-drop onto an element: whether files are over it, and the handlers to spread. */
export function useFileDrop(onFiles: (files: File[]) => void, disabled: boolean) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter(event: DragEvent) {
      if (disabled || !carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setOver(true);
    },
    onDragOver(event: DragEvent) {
      if (disabled || !carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop(event: DragEvent) {
      if (disabled || !carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      onFiles([...event.dataTransfer.files]);
    },
  };
  return { over, handlers };
}
