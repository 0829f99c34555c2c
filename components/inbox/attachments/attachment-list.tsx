'use client';
import { formatBytes, isImageType } from '@/lib/contracts/attachments';
// A message's or note's files in the transcript: pictures as thumbnails that open the
// lightbox, everything else as a chip with its name and size that downloads the file.
import type { Attachment } from '@/lib/contracts/dto';
import { FileIcon } from './icons';

/** Thumbnails keep their shape within this box, so rows are measured once, not on load. */
const THUMB_HEIGHT = 128;
const THUMB_MAX_WIDTH = 224;

function thumbWidth(attachment: Attachment): number {
  const { width, height } = attachment;
  if (!width || !height) return THUMB_HEIGHT;
  return Math.max(48, Math.min(THUMB_MAX_WIDTH, Math.round((width / height) * THUMB_HEIGHT)));
}

export type ChipTone = 'light' | 'onAccent' | 'note';

const CHIP_TONES: Record<ChipTone, string> = {
  light:
    'border-slate-200 bg-slate-50 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  onAccent: 'border-indigo-400 bg-indigo-500 text-white hover:bg-indigo-400',
  note: 'border-amber-300 bg-white text-amber-950 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-900 dark:text-amber-50 dark:hover:bg-amber-800',
};

export function FileChip({ attachment, tone }: { attachment: Attachment; tone: ChipTone }) {
  const size = formatBytes(attachment.size);
  return (
    <a
      href={attachment.url}
      download={attachment.name}
      className={`flex max-w-full items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${CHIP_TONES[tone]}`}
    >
      <FileIcon className="h-5 w-5 opacity-80" />
      <span className="min-w-0">
        <span className="block truncate font-medium">
          <span className="sr-only">Download </span>
          {attachment.name}
        </span>{' '}
        <span className="block text-xs opacity-75">{size}</span>
      </span>
    </a>
  );
}

export function AttachmentList({
  attachments,
  tone,
  onOpenImage,
}: {
  attachments: Attachment[];
  tone: ChipTone;
  onOpenImage(attachment: Attachment): void;
}) {
  if (!attachments.length) return null;
  const images = attachments.filter((a) => isImageType(a.type));
  const files = attachments.filter((a) => !isImageType(a.type));
  return (
    <div className="mt-1.5 flex flex-col gap-1.5">
      {images.length ? (
        <ul aria-label="Images" className="flex flex-wrap gap-1.5">
          {images.map((image) => (
            <li key={image.id}>
              <button
                type="button"
                onClick={() => onOpenImage(image)}
                aria-label={`Open image ${image.name}`}
                className="block overflow-hidden rounded-md bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-700"
                style={{ width: thumbWidth(image), height: THUMB_HEIGHT }}
              >
                {/* biome-ignore lint/performance/noImgElement: signed, expiring URLs: nothing for next/image to optimise or cache */}
                <img
                  src={image.thumbnailUrl ?? image.url}
                  alt=""
                  loading="lazy"
                  className="h-full w-full object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul aria-label="Files" className="flex flex-col gap-1">
          {files.map((file) => (
            <li key={file.id} className="max-w-xs">
              <FileChip attachment={file} tone={tone} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
