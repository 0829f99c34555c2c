// The names of the channels that receive every event. Each has a delivery row per event,
// so a channel that is down catches up later instead of losing what happened meanwhile.

export const SUBSCRIBERS = ['customer-sockets'] as const;
export type SubscriberName = (typeof SUBSCRIBERS)[number];

export const EVENTS_CHANNEL = 'parley_events';
