// The seam between the app and a lazy chunk (chunks.ts loads them): what travels on the
// chunk's script element. Types and one constant, so a chunk that imports this pulls in
// nothing of the app.
import type { RequestError } from './api';
import type { Chat } from './chat';
import type { SHARED_MODULES } from './shared-modules';

/** The script element's property the hand-off travels in. */
export const CHUNK_PROPERTY = 'parleyChunk';

/** What the app hands to a chunk's script. */
export interface HandOff<Exports> {
  chat: Chat;
  modules: typeof SHARED_MODULES;
  RequestError: typeof RequestError;
  ready(exports: Exports): void;
}

/** In a chunk's entry: what the app handed over (undefined when run any other way). */
export function receivedHandOff<Exports>(): HandOff<Exports> | undefined {
  const script = document.currentScript as (HTMLScriptElement & Record<string, unknown>) | null;
  return script?.[CHUNK_PROPERTY] as HandOff<Exports> | undefined;
}
