// The request a piece of work belongs to, for the logs: every line logged while a route
// handler runs carries its `requestId` (the `X-Request-Id` the edge gave the request).
import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from './singleton';

export interface RequestContext {
  requestId: string;
}

export const requestContext = () =>
  processSingleton('request-context', () => new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's own id when it looks like one (a proxy's), else a new one. */
export const requestIdFrom = (given: string | string[] | undefined | null, make: () => string) =>
  typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : make();
