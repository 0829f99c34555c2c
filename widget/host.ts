// The seam between the loader (public/widget.js, on every page) and the chat app (loaded on
// first need): the loader owns the launcher and the command queue, the app owns the panel.
import type { WidgetConfig } from '../lib/contracts/dto';

export type Position = 'left' | 'right';

/** What the embedding page asked for with `data-*` attributes on the script tag. */
export interface WidgetOptions {
  /** Parley's base URL, taken from the script's own `src`. */
  base: string;
  department?: string;
  position?: Position;
  color?: string;
  locale?: string;
}

export type WidgetEvent = 'message' | 'open' | 'close';

/** What the loader hands to the app. */
export interface Host {
  options: WidgetOptions;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** The corner the launcher is drawn in now; the panel opens there, never elsewhere first. */
  position: Position;
  /** The latest `Parley('identify', …)` payload, if any. */
  identity: Record<string, unknown> | null;
  /** The config the loader fetched to draw the launcher (null: that request failed). */
  config?: Promise<WidgetConfig | null>;
  /**
   * Set in the console's preview: the config comes from the console, each time the admin
   * edits it, and no conversation is ever started.
   */
  preview?: (apply: (config: WidgetConfig) => void) => void;
  setBadge(count: number, label: string): void;
  setOpen(open: boolean, label: string): void;
  setLook(color: string | undefined, position: Position): void;
  emit(event: WidgetEvent, payload?: unknown): void;
  /** The app calls this once it can take commands. */
  ready(app: WidgetApp): void;
}

export interface WidgetApp {
  command(name: string, arg?: unknown): void;
}

/** The loader attaches the host to the app's script element under this property. */
export const HOST_PROPERTY = 'parleyHost';
