// The transcript as the inbox caches it: pages of messages and notes, newest first, read by
// the transcript itself and by the customer panel's list of files.
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { TranscriptPage } from '@/lib/contracts/agent';
import { ATTACHMENT_LINK_LIFETIME_MS } from '@/lib/contracts/attachments';
import type { Message, Note } from '@/lib/contracts/dto';
import { apiFetch } from '../api';
import { keys } from './cache';

const PAGE_SIZE = 100;

/**
 * Live events keep a cached transcript current, but its file links expire: it is fetched
 * again (links signed anew) well before they do, and on focus after a long sleep.
 */
const RESIGN_LINKS_MS = ATTACHMENT_LINK_LIFETIME_MS / 2;

export type TranscriptItem =
  | { key: string; at: string; message: Message }
  | { key: string; at: string; note: Note };

export const transcriptQuery = (conversationId: string) =>
  infiniteQueryOptions<
    TranscriptPage,
    Error,
    InfiniteData<TranscriptPage, number | undefined>,
    ReturnType<typeof keys.transcript>,
    number | undefined
  >({
    queryKey: keys.transcript(conversationId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TranscriptPage>(
        `/conversations/${conversationId}/messages?limit=${PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`,
        { signal },
      ),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.olderBefore ?? undefined,
    staleTime: RESIGN_LINKS_MS,
    refetchInterval: RESIGN_LINKS_MS,
  });

/** Messages and notes of the loaded pages in time order (messages by seq within a tie). */
export function interleave(pages: TranscriptPage[]): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  for (const page of [...pages].reverse()) {
    for (const message of page.messages)
      items.push({ key: `m:${message.id}`, at: message.createdAt, message });
    for (const note of page.notes) items.push({ key: `n:${note.id}`, at: note.createdAt, note });
  }
  return items.sort((a, b) => {
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    if ('message' in a && 'message' in b) return a.message.seq - b.message.seq;
    return 'message' in a ? -1 : 1;
  });
}
