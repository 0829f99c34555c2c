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
  for (const message of incoming) {
    if (message.conversationId !== conversationId || bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    added.push(message);
  }
  if (!added.length) return { messages: current, added };
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
