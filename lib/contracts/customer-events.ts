// The `/customer` Socket.IO namespace's events (DESIGN §6), both directions, in Socket.IO's
// event-map form. Types only and zod-free: the server's namespace and subscriber and the
// widget's small socket client all type their events from these two maps.
import type { CustomerConversation, Message, Notice } from './dto';
import type { Ack } from './errors';

export interface CustomerSendPayload {
  clientId: string;
  /** May be empty when `attachmentIds` names uploaded files. */
  text: string;
  attachmentIds?: string[];
  /** A message of the same conversation this one quotes. */
  replyToId?: string;
}

export interface CustomerTyping {
  typing: boolean;
  /** Who is typing, as the customer may see it (the agent's display name). */
  name: string;
}

/** Events the widget sends on the `/customer` namespace. */
export interface CustomerClientEvents {
  'message:send': (
    payload: CustomerSendPayload,
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  typing: (payload: { typing: boolean }) => void;
  seen: (payload: { seq: number }) => void;
}

/** Events the server sends on the `/customer` namespace. */
export interface CustomerServerEvents {
  message: (message: Message) => void;
  /** A message already sent was edited or deleted: replace it (by id) with this one. */
  'message:updated': (message: Message) => void;
  /** The customer-facing conversation, on every change. */
  conversation: (conversation: CustomerConversation) => void;
  typing: (payload: CustomerTyping) => void;
  /** A banner-only system message. */
  notice: (notice: Notice) => void;
}

// Helpers for clients that speak the wire protocol themselves (the widget).

/** What an event carries: its handler's first argument. */
export type EventPayload<Handler> = Handler extends (payload: infer P, ...rest: never[]) => void
  ? P
  : never;

/** What an acknowledged event's ack receives; never for events without an ack. */
export type EventAck<Handler> = Handler extends (
  payload: never,
  ack: (result: infer R) => void,
) => void
  ? R
  : never;

/** One received event as a tagged union, so a handler narrows on `name`. */
export type ReceivedEvent<Events> = {
  [Name in keyof Events & string]: { name: Name; payload: EventPayload<Events[Name]> };
}[keyof Events & string];
