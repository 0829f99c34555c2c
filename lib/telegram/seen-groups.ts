// The groups a bot has been seen in, read from its updates: being added to a group
// (my_chat_member) or a message there (such as /start). The console's setup lists them so an
// admin picks the support group instead of looking up its id. The running bot's updates are
// remembered here, since getUpdates cannot be called beside a running poller or webhook.
import type { Update } from 'telegraf/types';
import { processSingleton } from '../singleton';

export interface SeenGroup {
  id: number;
  title: string;
  type: 'group' | 'supergroup';
  isForum: boolean;
  /** Unix seconds of the latest update that showed it. */
  seenAt: number;
}

interface UpdateChat {
  id: number;
  type: string;
  title?: string;
  is_forum?: boolean;
}

const MAX_REMEMBERED = 50;

function chatsOf(update: Update): Array<{ chat: UpdateChat; date: number; migrateTo?: number }> {
  const u = update as unknown as Record<string, { chat?: UpdateChat; date?: number } | undefined>;
  const found = [];
  for (const kind of ['my_chat_member', 'message', 'edited_message', 'channel_post']) {
    const part = u[kind];
    if (!part?.chat) continue;
    const migrateTo = (part as { migrate_to_chat_id?: number }).migrate_to_chat_id;
    found.push({ chat: part.chat, date: part.date ?? 0, migrateTo });
  }
  return found;
}

/** The groups and supergroups in `updates`, newest first, one entry per group. */
export function groupsInUpdates(updates: Update[]): SeenGroup[] {
  const groups = new Map<number, SeenGroup>();
  const moved = new Set<number>();
  for (const update of updates) {
    for (const { chat, date, migrateTo } of chatsOf(update)) {
      if (chat.type !== 'group' && chat.type !== 'supergroup') continue;
      // Turning on topics makes a basic group a supergroup with a new id: the old one is gone.
      if (migrateTo) moved.add(chat.id);
      const previous = groups.get(chat.id);
      if (previous && previous.seenAt > date) continue;
      groups.set(chat.id, {
        id: chat.id,
        title: chat.title ?? String(chat.id),
        type: chat.type,
        isForum: chat.is_forum === true,
        seenAt: date,
      });
    }
  }
  for (const id of moved) groups.delete(id);
  return [...groups.values()].sort((a, b) => b.seenAt - a.seenAt);
}

const remembered = () =>
  processSingleton('telegram.seen-groups', () => ({
    token: null as string | null,
    groups: new Map<number, SeenGroup>(),
  }));

/** Remembers the groups of an update the running bot received (whose token is `token`). */
export function recordSeenGroup(update: Update, token: string): void {
  const store = remembered();
  if (store.token !== token) {
    store.token = token;
    store.groups.clear();
  }
  for (const group of groupsInUpdates([update])) {
    store.groups.delete(group.id);
    store.groups.set(group.id, group);
  }
  for (const { migrateTo, chat } of chatsOf(update)) if (migrateTo) store.groups.delete(chat.id);
  while (store.groups.size > MAX_REMEMBERED) {
    store.groups.delete(store.groups.keys().next().value!);
  }
}

/** The groups the running bot (with this token) has seen, newest first. */
export function seenGroups(token: string): SeenGroup[] {
  const store = remembered();
  if (store.token !== token) return [];
  return [...store.groups.values()].sort((a, b) => b.seenAt - a.seenAt);
}
