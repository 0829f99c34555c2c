// Live fan-out: the committing process hands each event to the live channels (the sockets)
// right after its transaction commits, with no delivery row and no second read. A push is
// best effort by design: a client that sees a `seq` gap, or reconnects, fetches what it
// missed, so a lost push costs a fetch, never a message. Socket.IO's adapter carries each
// push to the sockets of the other instances.
import { logger } from '../log';
import { processSingleton } from '../singleton';
import type { ChannelContext, ChannelHandler } from './channel';
import { channels } from './channels';
import type { DomainEvent } from './types';

interface LiveState {
  context: ChannelContext | null;
  /** Each live channel started once, on its first event (it may be registered late). */
  handlers: Map<string, ChannelHandler>;
}

const state = () =>
  processSingleton<LiveState>('events.live', () => ({ context: null, handlers: new Map() }));

/**
 * Starts pushing events committed in this process to its sockets; until then (a script, a
 * test without sockets) events are only stored. Returns how to stop.
 */
export function startLiveChannels(context: ChannelContext): () => void {
  const live = state();
  live.context = context;
  live.handlers.clear();
  return () => {
    if (live.context !== context) return;
    live.context = null;
    live.handlers.clear();
  };
}

const failed = (channel: string, event: DomainEvent) => (error: unknown) =>
  logger().warn({ err: error, channel, eventId: event.id }, 'live push failed');

/** Hands a committed event to every enabled live channel, in the order they are listed. */
export function publishLive(event: DomainEvent): void {
  const { context, handlers } = state();
  if (!context) return;
  for (const channel of channels()) {
    if (!channel.live || !channel.enabled()) continue;
    let handler = handlers.get(channel.name);
    if (!handler) {
      handler = channel.start(context);
      handlers.set(channel.name, handler);
    }
    if (!('handle' in handler)) continue;
    try {
      const result = handler.handle(event);
      if (result) result.catch(failed(channel.name, event));
    } catch (error) {
      failed(channel.name, event)(error);
    }
  }
}
