// Applies what the `/agent` socket pushes to the TanStack Query cache, so every list,
// count and open conversation updates in place without a refetch. Pushes are best effort:
// a transcript that turns out to miss a `seq` is fetched again.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type {
  InboxConversation,
  InboxPage,
  InboxView,
  TranscriptPage,
} from '@/lib/contracts/agent';
import { VIEW_STATUSES } from '@/lib/contracts/conversation-state';
import type { AgentConversation, Message, Note } from '@/lib/contracts/dto';

export interface Filters {
  view: InboxView;
  departmentId: string;
  q: string;
}

export const keys = {
  lists: ['inbox', 'list'] as const,
  list: (f: Filters) => ['inbox', 'list', f.view, f.departmentId, f.q] as const,
  counts: ['inbox', 'counts'] as const,
  countsFor: (departmentId: string) => ['inbox', 'counts', departmentId] as const,
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  transcript: (id: string) => ['inbox', 'transcript', id] as const,
  canned: ['canned'] as const,
  departments: ['departments'] as const,
  me: ['me'] as const,
  team: ['team'] as const,
};

export function belongsTo(
  conversation: AgentConversation,
  view: InboxView,
  departmentId: string,
  meId: string,
): boolean {
  if (departmentId && conversation.departmentId !== departmentId) return false;
  const statuses: readonly string[] = VIEW_STATUSES[view];
  if (!statuses.includes(conversation.status)) return false;
  return view !== 'mine' || conversation.assignee?.id === meId;
}

const withRead = (conversation: AgentConversation, lastReadSeq: number): InboxConversation => ({
  ...conversation,
  lastReadSeq,
  unread: conversation.lastSeq > lastReadSeq,
});

/** Newest activity first, then id, as the server orders the list. */
const before = (a: AgentConversation, b: AgentConversation) =>
  a.lastActivityAt > b.lastActivityAt || (a.lastActivityAt === b.lastActivityAt && a.id > b.id);

type ListData = InfiniteData<InboxPage, string | undefined>;

function knownReadSeq(client: QueryClient, id: string): number | undefined {
  const single = client.getQueryData<InboxConversation>(keys.conversation(id));
  if (single) return single.lastReadSeq;
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: keys.lists })) {
    for (const page of data?.pages ?? []) {
      const found = page.conversations.find((c) => c.id === id);
      if (found) return found.lastReadSeq;
    }
  }
  return undefined;
}

function placeInList(data: ListData, conversation: InboxConversation, keep: boolean): ListData {
  const pages = data.pages.map((page) => ({
    ...page,
    conversations: page.conversations.filter((c) => c.id !== conversation.id),
  }));
  if (keep) {
    let placed = false;
    for (const page of pages) {
      const index = page.conversations.findIndex((c) => before(conversation, c));
      if (index >= 0) {
        page.conversations.splice(index, 0, conversation);
        placed = true;
        break;
      }
    }
    // Past the loaded pages it arrives with "load more"; at the very end it belongs here.
    const last = pages.at(-1);
    if (!placed && last && last.nextCursor === null) last.conversations.push(conversation);
  }
  return { ...data, pages };
}

export function applyConversations(
  client: QueryClient,
  meId: string,
  updates: AgentConversation[],
): void {
  for (const update of updates) {
    // The row is read after its messages were pushed: a transcript behind it lost one.
    repairTranscript(client, update.id, update.lastSeq);
    const conversation = withRead(update, knownReadSeq(client, update.id) ?? 0);
    client.setQueryData<InboxConversation>(keys.conversation(update.id), (old) =>
      old ? withRead(update, old.lastReadSeq) : undefined,
    );
    for (const [key, data] of client.getQueriesData<ListData>({ queryKey: keys.lists })) {
      if (!data) continue;
      const [, , view, departmentId, q] = key as ReturnType<typeof keys.list>;
      // A search's matches depend on text only the server sees: ask again.
      if (q) {
        void client.invalidateQueries({ queryKey: key, exact: true });
        continue;
      }
      client.setQueryData<ListData>(
        key,
        placeInList(data, conversation, belongsTo(update, view, departmentId, meId)),
      );
    }
  }
}

/** Marks a conversation read in every cached place (the server is told separately). */
export function markReadLocally(client: QueryClient, id: string, seq: number): void {
  const read = (c: InboxConversation) =>
    c.id === id
      ? {
          ...c,
          lastReadSeq: Math.max(c.lastReadSeq, seq),
          unread: c.lastSeq > Math.max(c.lastReadSeq, seq),
        }
      : c;
  client.setQueryData<InboxConversation>(keys.conversation(id), (old) => (old ? read(old) : old));
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: keys.lists })) {
    if (!data) continue;
    client.setQueryData<ListData>(key, {
      ...data,
      pages: data.pages.map((page) => ({ ...page, conversations: page.conversations.map(read) })),
    });
  }
}

type TranscriptData = InfiniteData<TranscriptPage, number | undefined>;

/** The highest `seq` a cached transcript holds; undefined when it is not cached. */
function newestSeq(client: QueryClient, conversationId: string): number | undefined {
  const newest = client.getQueryData<TranscriptData>(keys.transcript(conversationId))?.pages[0];
  return newest && (newest.messages.at(-1)?.seq ?? 0);
}

/** Fetches a cached transcript again when it misses messages up to `seq` (a lost push). */
function repairTranscript(client: QueryClient, conversationId: string, seq: number): void {
  const newest = newestSeq(client, conversationId);
  if (newest !== undefined && seq > newest) {
    void client.invalidateQueries({ queryKey: keys.transcript(conversationId), exact: true });
  }
}

/**
 * Adds a message or note to the newest transcript page, once; a message past a gap in
 * `seq` has the transcript fetched again for what was missed.
 */
export function appendToTranscript(
  client: QueryClient,
  conversationId: string,
  item: { message: Message } | { note: Note },
): void {
  if ('message' in item) repairTranscript(client, conversationId, item.message.seq - 1);
  client.setQueryData<TranscriptData>(keys.transcript(conversationId), (old) => {
    const newest = old?.pages[0];
    if (!old || !newest) return old;
    let page: TranscriptPage;
    if ('message' in item) {
      if (newest.messages.some((m) => m.id === item.message.id)) return old;
      page = {
        ...newest,
        messages: [...newest.messages, item.message].sort((a, b) => a.seq - b.seq),
      };
    } else {
      if (newest.notes.some((n) => n.id === item.note.id)) return old;
      page = { ...newest, notes: [...newest.notes, item.note] };
    }
    return { ...old, pages: [page, ...old.pages.slice(1)] };
  });
}

/** Puts the new version of an edited or deleted message wherever the transcript holds it. */
export function replaceInTranscript(client: QueryClient, message: Message): void {
  client.setQueryData<TranscriptData>(keys.transcript(message.conversationId), (old) => {
    if (!old?.pages.some((page) => page.messages.some((m) => m.id === message.id))) return old;
    return {
      ...old,
      pages: old.pages.map((page) =>
        page.messages.some((m) => m.id === message.id)
          ? { ...page, messages: page.messages.map((m) => (m.id === message.id ? message : m)) }
          : page,
      ),
    };
  });
}
