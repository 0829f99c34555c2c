// The names of the channels that receive every event. Each has a delivery row per event,
// so a channel that is down catches up later instead of losing what happened meanwhile.
import { env } from '../env';
import { processSingleton } from '../singleton';

export const SUBSCRIBERS = ['customer-sockets', 'agent-sockets', 'telegram'] as const;
export type SubscriberName = (typeof SUBSCRIBERS)[number];

export const EVENTS_CHANNEL = 'parley_events';

// Telegram is turned on and off at run time (the console's setup); until its manager says
// otherwise, the environment decides.
const switchable = () =>
  processSingleton('events.subscribers.active', () => ({
    telegram: null as boolean | null,
  }));

/** Called by the Telegram manager when Telegram starts or stops in this process. */
export function setTelegramSubscriberActive(active: boolean): void {
  switchable().telegram = active;
}

/** The subscribers that get delivery rows: Telegram's only while it is configured, so an
 * instance without Telegram does not pile up rows nobody will handle. */
export function activeSubscribers(): SubscriberName[] {
  const telegram = switchable().telegram ?? env().telegram.enabled;
  return SUBSCRIBERS.filter((name) => name !== 'telegram' || telegram);
}
