// The names of the channels that receive every event. Each has a delivery row per event,
// so a channel that is down catches up later instead of losing what happened meanwhile.
import { env } from '../env';

export const SUBSCRIBERS = ['customer-sockets', 'agent-sockets', 'telegram'] as const;
export type SubscriberName = (typeof SUBSCRIBERS)[number];

export const EVENTS_CHANNEL = 'parley_events';

/** The subscribers that get delivery rows: Telegram's only while it is configured, so an
 * instance without Telegram does not pile up rows nobody will handle. */
export function activeSubscribers(): SubscriberName[] {
  return SUBSCRIBERS.filter((name) => name !== 'telegram' || env().telegram.enabled);
}
