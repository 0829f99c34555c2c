'use client';
// "Files in this conversation" in the customer panel: every file of the loaded transcript,
// newest first, with who sent it and when; pictures open the lightbox, other files download.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatBytes, isImageType } from '@/lib/contracts/attachments';
import type { Attachment } from '@/lib/contracts/dto';
import { shortTime } from '../format';
import { interleave, transcriptQuery } from '../transcript-query';
import { FileChip } from './attachment-list';
import { attachmentsOf } from './files';
import { Lightbox } from './lightbox';
import { useImageViewer } from './use-image-viewer';

interface SharedFile {
  attachment: Attachment;
  from: string;
  at: string;
}

export function FilesPanel({
  conversationId,
  customerName,
}: {
  conversationId: string;
  customerName: string;
}) {
  const query = useInfiniteQuery(transcriptQuery(conversationId));
  const files = useMemo(() => {
    const shared: SharedFile[] = [];
    for (const item of interleave(query.data?.pages ?? [])) {
      const carrier = 'message' in item ? item.message : item.note;
      const from =
        'note' in item
          ? `Private note · ${item.note.authorName}`
          : item.message.author === 'agent'
            ? (item.message.agentName ?? 'Agent')
            : customerName;
      for (const attachment of attachmentsOf(carrier))
        shared.push({ attachment, from, at: item.at });
    }
    return shared.reverse();
  }, [query.data, customerName]);
  const carriers = useMemo(
    () => files.map((file) => ({ attachments: [file.attachment] })),
    [files],
  );
  const viewer = useImageViewer(carriers);

  return (
    <section
      aria-labelledby="files-heading"
      className="flex flex-col gap-2 border-t border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <h2 id="files-heading" className="font-semibold text-slate-800 dark:text-slate-100">
        Files in this conversation
      </h2>
      {files.length ? (
        <ul className="flex flex-col gap-2">
          {files.map(({ attachment, from, at }) => (
            <li key={attachment.id} className="flex flex-col gap-0.5">
              {isImageType(attachment.type) ? (
                <button
                  type="button"
                  onClick={() => viewer.open(attachment)}
                  className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-1.5 text-left hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-800 dark:bg-slate-950 dark:hover:bg-slate-800"
                >
                  {/* biome-ignore lint/performance/noImgElement: signed, expiring URLs: nothing for next/image to optimise or cache */}
                  <img
                    src={attachment.thumbnailUrl ?? attachment.url}
                    alt=""
                    loading="lazy"
                    className="h-9 w-9 shrink-0 rounded object-cover"
                  />
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-800 dark:text-slate-100">
                      <span className="sr-only">Open image </span>
                      {attachment.name}
                    </span>{' '}
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {formatBytes(attachment.size)}
                    </span>
                  </span>
                </button>
              ) : (
                <FileChip attachment={attachment} tone="light" />
              )}
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {from} · <time dateTime={at}>{shortTime(at)}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-500 dark:text-slate-400">
          {query.isLoading ? 'Loading…' : 'No files in the messages loaded so far.'}
        </p>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="self-start text-xs font-medium text-indigo-700 hover:underline disabled:opacity-50 dark:text-indigo-300"
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Look in earlier messages too'}
        </button>
      ) : null}
      <Lightbox {...viewer.lightbox} />
    </section>
  );
}
