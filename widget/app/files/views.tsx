/** @jsxImportSource preact */
// The attachment UI's pieces: the composer's tray, an unsent message's files with their
// progress, and a message's files (thumbnails that open a full-size view, chips that
// download). They read the chat's state, which the app re-renders them on.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes, isImageType } from '../../../lib/contracts/attachments';
import type { Attachment } from '../../../lib/contracts/dto';
import type { Chat } from '../chat';
import type { FileRef } from '../files';
import type { Pending } from '../outbox';
import { limitsOf } from './attach';
import { usePreview } from './previews';
import { type FilesTranslate, isFileError } from './strings';

const THUMB_WIDTH = 220;
const THUMB_HEIGHT = 180;

const FileIcon = () => (
  <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5" />
  </svg>
);

function Chip({ file, children }: { file: FileRef; children?: ComponentChildren }) {
  const preview = usePreview(file);
  return (
    <li class="chip">
      {preview ? <img class="chip-thumb" src={preview} alt="" /> : <FileIcon />}
      <span class="chip-text">
        <span class="chip-name">{file.name}</span>
        <span class="chip-size">{formatBytes(file.size)}</span>
      </span>
      {children}
    </li>
  );
}

/** A thumbnail's box before it loads, so the transcript does not jump when it does. */
function thumbSize({ width = 180, height = 180 }: Attachment) {
  const scale = Math.min(1, THUMB_WIDTH / width, THUMB_HEIGHT / height);
  // Preact 11 adds no units: say pixels.
  return { width: `${Math.round(width * scale)}px`, height: `${Math.round(height * scale)}px` };
}

// One attachment UI per page, for one chat: bound once when it loads.
let chat: Chat;
let t: FilesTranslate;

export function bindViews(boundChat: Chat, translate: FilesTranslate): void {
  chat = boundChat;
  t = translate;
}

export function Tray() {
  const { tray } = chat.state;
  const limits = limitsOf(chat);
  const remove = (key: string) =>
    chat.store.set({ tray: chat.state.tray.filter((file) => file.key !== key), trayNote: '' });
  return (
    <div class="tray">
      <ul class="chips" aria-label={t('toSend')}>
        {tray.map((file) => (
          <Chip key={file.key} file={file}>
            <button
              type="button"
              class="icon-button chip-remove"
              aria-label={t('remove', { name: file.name })}
              onClick={() => remove(file.key)}
            >
              ×
            </button>
          </Chip>
        ))}
      </ul>
      <p class="hint">{t('limits', { n: limits.maxFiles, size: formatBytes(limits.maxBytes) })}</p>
    </div>
  );
}

export function PendingFiles({ entry }: { entry: Pending }) {
  const { uploads } = chat.state;
  const failing = isFileError(entry.error) ? entry.files?.find((file) => !file.id) : undefined;
  return (
    <ul class="chips sent">
      {entry.files?.map((file) => {
        const progress = uploads[file.key];
        return (
          <Chip key={file.key} file={file}>
            {progress !== undefined && (
              <progress
                class="chip-progress"
                max={1}
                value={progress}
                aria-label={t('uploading', { name: file.name })}
              />
            )}
            {file === failing && isFileError(entry.error) && (
              <span class="chip-error">{t(entry.error)}</span>
            )}
          </Chip>
        );
      })}
    </ul>
  );
}

export function Files({ attachments }: { attachments: Attachment[] }) {
  const [viewing, setViewing] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const images = attachments.filter((a) => isImageType(a.type));
  const others = attachments.filter((a) => !isImageType(a.type));
  // The full-size view moves through every picture of the conversation.
  const all = chat.state.messages.flatMap((m) =>
    (m.attachments ?? []).filter((a) => isImageType(a.type)),
  );
  const index = all.findIndex((image) => image.id === viewing);
  const open = (image: Attachment, event: Event) => {
    opener.current = event.currentTarget as HTMLElement;
    setViewing(image.id);
  };
  const close = () => {
    setViewing(null);
    opener.current?.focus();
  };
  return (
    <div class="files">
      {images.map((image) => (
        <button
          key={image.id}
          type="button"
          class="thumb"
          aria-label={t('view', { name: image.name })}
          onClick={(event) => open(image, event)}
        >
          <img src={image.thumbnailUrl ?? image.url} alt="" style={thumbSize(image)} />
        </button>
      ))}
      {others.map((file) => (
        <a
          key={file.id}
          class="chip file"
          href={file.url}
          target="_blank"
          rel="noopener"
          download={file.name}
        >
          <FileIcon />
          <span class="chip-text">
            <span class="chip-name">
              <span class="sr-only">{t('download')} </span>
              {file.name}
            </span>{' '}
            <span class="chip-size">{formatBytes(file.size)}</span>
          </span>
        </a>
      ))}
      {index >= 0 && (
        <Viewer
          images={all}
          index={index}
          onIndex={(i) => setViewing(all[i]!.id)}
          onClose={close}
        />
      )}
    </div>
  );
}

function Viewer({
  images,
  index,
  onIndex,
  onClose,
}: {
  images: Attachment[];
  index: number;
  onIndex(index: number): void;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const image = images[index]!;
  useEffect(() => closeButton.current?.focus(), []);
  const go = (step: number) => onIndex(Math.min(images.length - 1, Math.max(0, index + step)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
    else if (event.key === 'Tab') {
      // Keep the keyboard inside the view while it covers the conversation.
      const focusable = [
        ...(dialog.current?.querySelectorAll<HTMLElement>('a, button:not(:disabled)') ?? []),
      ];
      const at = focusable.indexOf(chat.host.root.activeElement as HTMLElement);
      const next = (at + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length;
      focusable[next]?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={dialog}
      class="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={image.name}
      onKeyDown={onKeyDown}
    >
      <div class="viewer-bar">
        <span class="viewer-position" aria-live="polite">
          {t('position', { n: index + 1, total: images.length })}
        </span>
        <a
          class="viewer-action"
          href={image.url}
          target="_blank"
          rel="noopener"
          download={image.name}
        >
          {t('download')}
        </a>
        <button
          ref={closeButton}
          type="button"
          class="icon-button"
          aria-label={t('close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div class="viewer-stage">
        <img src={image.url} alt={image.name} />
      </div>
      {images.length > 1 && (
        <div class="viewer-nav">
          <button
            type="button"
            class="icon-button"
            aria-label={t('previous')}
            disabled={index === 0}
            onClick={() => go(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={t('next')}
            disabled={index === images.length - 1}
            onClick={() => go(1)}
          >
            ›
          </button>
        </div>
      )}
    </div>
  );
}
