'use client';
// The transcript, virtualized so that a 10,000-message thread scrolls smoothly: the newest
// page first, older pages fetched as the agent scrolls up, notes interleaved by time.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Attachment } from '@/lib/contracts/dto';
import { Avatar } from '../avatar';
import { AttachmentList } from './attachments/attachment-list';
import { attachmentsOf } from './attachments/files';
import { Lightbox } from './attachments/lightbox';
import { useImageViewer } from './attachments/use-image-viewer';
import { fullTime, shortTime } from './format';
import { type TranscriptItem as Item, interleave, transcriptQuery } from './transcript-query';

const NEAR_TOP_PX = 300;
const NEAR_BOTTOM_PX = 120;

function Bubble({
  item,
  customerName,
  seenSeq,
  onOpenImage,
}: {
  item: Item;
  customerName: string;
  seenSeq: number;
  onOpenImage(attachment: Attachment): void;
}) {
  if ('note' in item) {
    return (
      <article
        aria-label={`Private note by ${item.note.authorName}`}
        className="mx-auto w-full max-w-2xl"
      >
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-800 dark:bg-amber-950">
          <div className="mb-1 flex gap-2 text-xs text-amber-800 dark:text-amber-300">
            <span className="font-semibold">Private note · {item.note.authorName}</span>
            <time dateTime={item.note.createdAt} title={fullTime(item.note.createdAt)}>
              {shortTime(item.note.createdAt)}
            </time>
          </div>
          {item.note.text ? (
            <p className="whitespace-pre-wrap break-words text-sm text-amber-950 dark:text-amber-100">
              {item.note.text}
            </p>
          ) : null}
          <AttachmentList
            attachments={attachmentsOf(item.note)}
            tone="note"
            onOpenImage={onOpenImage}
          />
        </div>
      </article>
    );
  }
  const { message } = item;
  if (message.author === 'system') {
    return (
      <article
        aria-label="System message"
        className="text-center text-xs text-slate-500 dark:text-slate-400"
      >
        <span className="rounded-full bg-slate-100 px-3 py-1 dark:bg-slate-800">
          {message.text} · <time dateTime={message.createdAt}>{shortTime(message.createdAt)}</time>
        </span>
      </article>
    );
  }
  const fromAgent = message.author === 'agent';
  const author = fromAgent ? (message.agentName ?? 'Agent') : customerName;
  return (
    <article
      aria-label={`Message from ${author}`}
      className={`flex items-end gap-2 ${fromAgent ? 'justify-end' : 'justify-start'}`}
    >
      <div
        className={`max-w-[75%] rounded-lg px-3 py-2 ${fromAgent ? 'bg-indigo-600 text-white' : 'border border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'}`}
      >
        <div
          className={`mb-0.5 flex gap-2 text-xs ${fromAgent ? 'text-indigo-100' : 'text-slate-600 dark:text-slate-400'}`}
        >
          <span className="font-semibold">{author}</span>
          <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
            {shortTime(message.createdAt)}
          </time>
          {fromAgent && message.seq <= seenSeq ? <span>· Seen</span> : null}
        </div>
        {message.text ? (
          <p className="whitespace-pre-wrap break-words text-sm">{message.text}</p>
        ) : null}
        <AttachmentList
          attachments={message.attachments}
          tone={fromAgent ? 'onAccent' : 'light'}
          onOpenImage={onOpenImage}
        />
      </div>
      {fromAgent ? <Avatar name={author} url={message.agentAvatarUrl} size="sm" /> : null}
    </article>
  );
}

export function Transcript({
  conversationId,
  customerName,
  seenSeq,
  onLatestSeq,
}: {
  conversationId: string;
  customerName: string;
  seenSeq: number;
  onLatestSeq: (seq: number) => void;
}) {
  const query = useInfiniteQuery(transcriptQuery(conversationId));
  const items = useMemo(() => interleave(query.data?.pages ?? []), [query.data]);
  const viewer = useImageViewer(items);
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const firstKey = useRef<string | undefined>(undefined);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 10,
    getItemKey: (index) => items[index]!.key,
  });

  const latestSeq = useMemo(() => {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if ('message' in item) return item.message.seq;
    }
    return 0;
  }, [items]);
  useEffect(() => {
    if (latestSeq) onLatestSeq(latestSeq);
  }, [latestSeq, onLatestSeq]);

  // Older history arrived at the top: keep the item that was first where it was.
  useLayoutEffect(() => {
    const previousFirst = firstKey.current;
    firstKey.current = items[0]?.key;
    if (items.length === 0) return;
    if (stickToBottom.current) {
      virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
      return;
    }
    if (previousFirst && previousFirst !== items[0]?.key) {
      const index = items.findIndex((item) => item.key === previousFirst);
      if (index > 0) virtualizer.scrollToIndex(index, { align: 'start' });
    }
  }, [items, virtualizer]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    stickToBottom.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (element.scrollTop < NEAR_TOP_PX && query.hasNextPage && !query.isFetchingNextPage) {
      void query.fetchNextPage();
    }
  };

  return (
    <div
      ref={scrollRef}
      onScroll={onScroll}
      role="log"
      aria-label="Transcript"
      aria-busy={query.isLoading || query.isFetchingNextPage}
      className="min-h-0 flex-1 overflow-y-auto bg-slate-50 px-4 py-3 dark:bg-slate-950"
    >
      {query.isFetchingNextPage ? (
        <p className="py-2 text-center text-xs text-slate-500 dark:text-slate-400">
          Loading earlier messages…
        </p>
      ) : null}
      {query.isError ? (
        <p className="text-sm text-red-700 dark:text-red-300">Could not load the transcript.</p>
      ) : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="absolute left-0 w-full py-1.5"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <Bubble
              item={items[row.index]!}
              customerName={customerName}
              seenSeq={seenSeq}
              onOpenImage={viewer.open}
            />
          </div>
        ))}
      </div>
      <Lightbox {...viewer.lightbox} />
    </div>
  );
}
