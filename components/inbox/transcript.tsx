'use client';
// The transcript, virtualized so that a 10,000-message thread scrolls smoothly: the newest
// page first, older pages fetched as the agent scrolls up, notes interleaved by time.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '@/lib/contracts/dto';
import { Lightbox } from './attachments/lightbox';
import { useImageViewer } from './attachments/use-image-viewer';
import { Bubble, type MessageAction, type Viewer } from './message-bubble';
import { interleave, transcriptQuery } from './transcript-query';

const NEAR_TOP_PX = 300;
const NEAR_BOTTOM_PX = 120;
const HIGHLIGHT_MS = 2000;

export function Transcript({
  conversationId,
  customerName,
  seenSeq,
  viewer,
  onLatestSeq,
  onAction,
}: {
  conversationId: string;
  customerName: string;
  seenSeq: number;
  viewer: Viewer;
  onLatestSeq: (seq: number) => void;
  onAction: (action: MessageAction, message: Message) => void;
}) {
  const query = useInfiniteQuery(transcriptQuery(conversationId));
  const items = useMemo(() => interleave(query.data?.pages ?? []), [query.data]);
  const images = useImageViewer(items);
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

  const messagesById = useMemo(() => {
    const byId = new Map<string, Message>();
    for (const item of items) if ('message' in item) byId.set(item.message.id, item.message);
    return byId;
  }, [items]);
  const findMessage = useCallback((id: string) => messagesById.get(id), [messagesById]);

  // Clicking a quote scrolls to the quoted message, fetching older pages until it is loaded.
  const [jumpTo, setJumpTo] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  useEffect(() => {
    if (!jumpTo) return;
    const index = items.findIndex((item) => item.key === `m:${jumpTo}`);
    if (index >= 0) {
      stickToBottom.current = false;
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlighted(jumpTo);
      setJumpTo(null);
      return;
    }
    if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    else if (!query.hasNextPage) setJumpTo(null);
  }, [jumpTo, items, query, virtualizer]);
  useEffect(() => {
    if (!highlighted) return;
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);

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
              viewer={viewer}
              highlighted={highlighted !== null && items[row.index]!.key === `m:${highlighted}`}
              findMessage={findMessage}
              onOpenImage={images.open}
              onAction={onAction}
              onJump={setJumpTo}
            />
          </div>
        ))}
      </div>
      <Lightbox {...images.lightbox} />
    </div>
  );
}
