// The one list of channels that receive every event. Adding a channel is a file that calls
// defineChannel and a line here; record-event, the dispatcher and the live fan-out read it.
import { processSingleton } from '../../singleton';
import type { Channel } from '../channel';
import { agentSockets } from './agent-sockets';
import { customerSockets } from './customer-sockets';
import { email } from './email';
import { telegram } from './telegram';

// Built lazily: these modules may be mid-import when this one is first loaded.
const registry = () =>
  processSingleton('events.channels', () => [customerSockets, agentSockets, telegram, email]);

/** Every registered channel, enabled or not (a dispatcher delivers to all of them). */
export function channels(): readonly Channel[] {
  return registry();
}

/** Adds a channel at run time (an extension, or a test); returns how to take it out again. */
export function registerChannel(channel: Channel): () => void {
  const list = registry();
  if (list.some((c) => c.name === channel.name)) {
    throw new Error(`a channel named ${channel.name} is registered already`);
  }
  list.push(channel);
  return () => {
    const at = list.indexOf(channel);
    if (at >= 0) list.splice(at, 1);
  };
}

/** The channels that get delivery rows now: the durable ones that are on. A channel that
 * is off (Telegram or email not configured) gets none, so rows nobody will handle do not
 * pile up; live channels never get any. */
export function activeChannels(): string[] {
  return registry()
    .filter((channel) => !channel.live && channel.enabled())
    .map((channel) => channel.name);
}
