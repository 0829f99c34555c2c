// What a channel is: a name, whether it is on, how it is reached and what it does with each
// event. A channel is one file that calls defineChannel; the registry (./channels) lists
// them. A durable channel (Telegram, email) gets a delivery row per event from
// record-event and the dispatcher hands it the events from those rows; a live channel (the
// sockets) is handed each event by the committing process right after the commit (./live),
// and its clients repair what they miss by `seq`.
import type { SQL } from 'drizzle-orm';
import type { Namespace } from 'socket.io';
import type { AgentServerEvents } from '../contracts/agent';
import type { CustomerServerEvents } from '../contracts/customer-events';
import type { DomainEvent } from './types';

/** What the running process hands every channel when the dispatcher starts. */
export interface ChannelContext {
  customers: Namespace<object, CustomerServerEvents>;
  agents: Namespace<object, AgentServerEvents>;
}

/**
 * Writes that must commit together with the acknowledgement of the delivery: named
 * data-modifying statements, run as one statement (one CTE each, in order; a later one may
 * read an earlier one by name). Acknowledged at once, not with the dispatcher's batch.
 */
export interface ChannelWrites {
  statements: Record<string, SQL>;
  /** Runs after the commit, e.g. to wake whoever reads what was written. */
  afterCommit?: () => void;
}

/** Handles one delivery. Must be idempotent: after a crash an event may come again. */
export type ChannelHandler =
  | { handle(event: DomainEvent): Promise<void> | void }
  | { writes(event: DomainEvent): Promise<ChannelWrites | null> | ChannelWrites | null };

export interface Channel {
  readonly name: string;
  /** Pushed after the commit, without a delivery row: what it misses, its clients fetch. */
  readonly live: boolean;
  /** Whether events get delivery rows for this channel now (checked on every event). */
  enabled(): boolean;
  /** Called once by each dispatcher that delivers to this channel. */
  start(context: ChannelContext): ChannelHandler;
}

type Handling =
  /** Acknowledged once it returns (with the rest of the batch). */
  | { handle(event: DomainEvent, context: ChannelContext): Promise<void> | void }
  /** Its writes commit with the acknowledgement, in one statement. */
  | {
      writes(
        event: DomainEvent,
        context: ChannelContext,
      ): Promise<ChannelWrites | null> | ChannelWrites | null;
    }
  /** For a channel that keeps state per process (say, batches it coalesces). */
  | { start(context: ChannelContext): ChannelHandler };

export type ChannelDefinition = {
  name: string;
  /** On unless it says otherwise. */
  enabled?: () => boolean;
} & (
  | ({ live?: false } & Handling)
  /** Live: handed each event once, after its commit, in this process; never retried. */
  | ({ live: true } & Exclude<Handling, { writes: unknown }>)
);

const always = () => true;

export function defineChannel(definition: ChannelDefinition): Channel {
  const { name } = definition;
  const channel = { name, live: definition.live === true, enabled: definition.enabled ?? always };
  if ('start' in definition) return { ...channel, start: definition.start };
  if ('writes' in definition) {
    const { writes } = definition;
    return { ...channel, start: (context) => ({ writes: (event) => writes(event, context) }) };
  }
  const { handle } = definition;
  return { ...channel, start: (context) => ({ handle: (event) => handle(event, context) }) };
}
