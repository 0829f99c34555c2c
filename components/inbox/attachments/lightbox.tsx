'use client';
// A picture at full size over the inbox (a Radix dialog: focus kept inside, Escape closes),
// with the conversation's other pictures one arrow key, button or swipe away, and a download.
import * as Dialog from '@radix-ui/react-dialog';
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { formatBytes } from '@/lib/contracts/attachments';
import type { Attachment } from '@/lib/contracts/dto';
import { stepIndex, swipeStep } from './gallery';
import { ChevronIcon, CloseIcon, DownloadIcon } from './icons';

const roundButton =
  'grid h-10 w-10 place-items-center rounded-full bg-white/10 text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-white disabled:opacity-30';

export function Lightbox({
  images,
  index,
  onIndexChange,
  onClose,
}: {
  images: Attachment[];
  /** The picture shown; null keeps the dialog closed. */
  index: number | null;
  onIndexChange(index: number): void;
  onClose(): void;
}) {
  const image = index === null ? undefined : images[index];
  const dragFrom = useRef<number | null>(null);
  const go = (step: -1 | 1) => {
    if (index !== null) onIndexChange(stepIndex(index, step, images.length));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
    else if (event.key === 'Home') onIndexChange(0);
    else if (event.key === 'End') onIndexChange(images.length - 1);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent) => {
    dragFrom.current = event.clientX;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (dragFrom.current === null) return;
    const step = swipeStep(dragFrom.current, event.clientX);
    dragFrom.current = null;
    if (step) go(step);
  };

  return (
    <Dialog.Root open={image !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/95" />
        <Dialog.Content
          onKeyDown={onKeyDown}
          className="fixed inset-0 z-50 flex flex-col text-white focus:outline-none"
        >
          {image && index !== null ? (
            <>
              <header className="flex items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <Dialog.Title className="truncate text-sm font-semibold">
                    {image.name}
                  </Dialog.Title>
                  <p className="text-xs text-slate-300" aria-live="polite">
                    Image {index + 1} of {images.length} · {formatBytes(image.size)}
                    {image.width && image.height ? ` · ${image.width} × ${image.height}` : ''}
                  </p>
                </div>
                <Dialog.Description className="sr-only">
                  Left and right arrow keys, or a swipe, move between the conversation's images.
                </Dialog.Description>
                <a
                  href={image.url}
                  download={image.name}
                  aria-label={`Download ${image.name}`}
                  className="flex items-center gap-1.5 rounded-md bg-white/10 px-3 py-2 text-sm font-medium hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
                >
                  <DownloadIcon />
                  Download
                </a>
                <Dialog.Close aria-label="Close image" className={roundButton}>
                  <CloseIcon className="h-5 w-5" />
                </Dialog.Close>
              </header>
              <div
                className="relative flex min-h-0 flex-1 touch-pan-y select-none items-center justify-center px-2 pb-6 sm:px-16"
                onPointerDown={onPointerDown}
                onPointerUp={onPointerUp}
                onPointerCancel={() => {
                  dragFrom.current = null;
                }}
              >
                {/* biome-ignore lint/performance/noImgElement: signed, expiring URLs: nothing for next/image to optimise or cache */}
                <img
                  key={image.id}
                  src={image.url}
                  alt={image.name}
                  draggable={false}
                  className="max-h-full max-w-full object-contain"
                />
                <button
                  type="button"
                  aria-label="Previous image"
                  onClick={() => go(-1)}
                  disabled={index === 0}
                  className={`${roundButton} absolute left-3 top-1/2 -translate-y-1/2`}
                >
                  <ChevronIcon direction="left" className="h-6 w-6" />
                </button>
                <button
                  type="button"
                  aria-label="Next image"
                  onClick={() => go(1)}
                  disabled={index === images.length - 1}
                  className={`${roundButton} absolute right-3 top-1/2 -translate-y-1/2`}
                >
                  <ChevronIcon direction="right" className="h-6 w-6" />
                </button>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
