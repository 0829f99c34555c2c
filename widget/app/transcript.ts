// The transcript's bookkeeping: messages keyed by `seq`, so each shows once and in order
// however it arrived (ack, POST response, broadcast, catch-up).
import type { Message } from '../../lib/contracts/dto';

/** Adds `incoming` to `current` (sorted by seq); `added` lists the ones that were new. */
export function mergeMessages(
  current: Message[],
  incoming: Message[],
  conversationId: string,
): { messages: Message[]; added: Message[] } {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  const added: Message[] = [];
  let changed = false;
  for (const message of incoming) {
    if (message.conversationId !== conversationId) continue;
    const known = bySeq.get(message.seq);
    if (known) {
      // A catch-up may bring a later version: an edit or deletion made while away.
      if (known.editedAt === message.editedAt && known.deletedAt === message.deletedAt) continue;
      changed = true;
    } else added.push(message);
    bySeq.set(message.seq, message);
  }
  if (!added.length && !changed) return { messages: current, added };
  return { messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq), added };
}

/** The highest seq up to which the transcript has no holes: the catch-up cursor. */
export function contiguousSeq(messages: Message[]): number {
  let seq = 0;
  for (const message of messages) {
    if (message.seq === seq + 1) seq = message.seq;
    else if (message.seq > seq + 1) break;
  }
  return seq;
}

/** Puts a changed message (an agent's edit or deletion) in its place; unknown ones are ignored. */
export function replaceMessage(current: Message[], changed: Message): Message[] {
  const index = current.findIndex((message) => message.id === changed.id);
  if (index < 0) return current;
  const messages = [...current];
  messages[index] = changed;
  return messages;
}
