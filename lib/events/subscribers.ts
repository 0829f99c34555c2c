// The names of the channels that receive every event. Each has a delivery row per event,
// so a channel that is down catches up later instead of losing what happened meanwhile.
import { env } from '../env';
import { processSingleton } from '../singleton';

export const SUBSCRIBERS = ['customer-sockets', 'agent-sockets', 'telegram', 'email'] as const;
export type SubscriberName = (typeof SUBSCRIBERS)[number];

export const EVENTS_CHANNEL = 'parley_events';

// Telegram and email are turned on and off at run time (the console); until their managers
// say otherwise, the environment decides.
const switchable = () =>
  processSingleton('events.subscribers.active', () => ({
    telegram: null as boolean | null,
    email: null as boolean | null,
  }));

/** Called by the Telegram manager when Telegram starts or stops in this process. */
export function setTelegramSubscriberActive(active: boolean): void {
  switchable().telegram = active;
}

/** Called by the email manager when email starts or stops in this process. */
export function setEmailSubscriberActive(active: boolean): void {
  switchable().email = active;
}

/** Whether email is on here: replies to visitors who left need their widgets' presence. */
export function isEmailActive(): boolean {
  return switchable().email ?? Boolean(env().email.smtpUrl);
}

/** The subscribers that get delivery rows: Telegram's and email's only while they are
 * configured, so an instance without them does not pile up rows nobody will handle. */
export function activeSubscribers(): SubscriberName[] {
  const telegram = switchable().telegram ?? env().telegram.enabled;
  const email = isEmailActive();
  return SUBSCRIBERS.filter(
    (name) => (name !== 'telegram' || telegram) && (name !== 'email' || email),
  );
}
