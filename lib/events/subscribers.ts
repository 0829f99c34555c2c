// The run-time switches of the channels that can be turned on and off: Telegram and email
// start and stop with their managers (the console); until their managers say otherwise,
// the environment decides. Their channels read these to say whether they are enabled.
import { env } from '../env';
import { processSingleton } from '../singleton';

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

/** Whether Telegram is on here: its channel gets delivery rows only then. */
export function isTelegramActive(): boolean {
  return switchable().telegram ?? env().telegram.enabled;
}

/** Whether email is on here: replies to visitors who left need their widgets' presence. */
export function isEmailActive(): boolean {
  return switchable().email ?? Boolean(env().email.smtpUrl);
}
