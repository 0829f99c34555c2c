// public/widget.js: the only script on the host page. It draws the launcher in the admin's
// colour and corner, keeps the `window.Parley` command queue, and loads the chat app on
// first need, so a visitor who never chats downloads only this file and the config.
import type { WidgetConfig } from '../lib/contracts/dto';
import { HOST_PROPERTY, type Host, type Position, type WidgetApp, type WidgetEvent } from './host';
import { LOADER_MODULES } from './loader-modules';
import { browserLanguages, type Locale, pickLocale, supportedLocale } from './locale';
import { keepInMemory, read, readRaw, readTab, write } from './storage';
import { addStyles } from './styles';

/** The app bundles' content-hashed paths by the language built into each, set by the build. */
declare const __PARLEY_APPS__: Record<Locale, string>;

type Command = (name: string, arg?: unknown) => void;
type Queued = ArrayLike<unknown>;
interface ParleyGlobal {
  (name: string, arg?: unknown): void;
  q?: Queued[];
  loaded?: boolean;
}

const LAUNCHER_CSS =
  ':host{all:initial}' +
  '.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:56px;height:56px;padding:0;border:0;border-radius:50%;' +
  'background:var(--parley-accent,#2563eb);color:var(--parley-on-accent,#fff);box-shadow:0 4px 14px rgba(0,0,0,.25);' +
  'cursor:pointer;display:grid;place-items:center;transition:transform .15s}' +
  '.left .l{left:20px;right:auto}.l:hover{transform:scale(1.06)}' +
  '.l:focus-visible{outline:3px solid var(--parley-accent,#2563eb);outline-offset:3px}' +
  '.l svg{width:28px;height:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.l .x,.o .l .c{display:none}.o .l .x{display:block}' +
  '.b{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;' +
  'background:#c81e1e;color:#fff;font:600 12px/20px system-ui,sans-serif}.b[hidden]{display:none}' +
  '@media (max-width:480px){.o .l{display:none}}' +
  '@media (prefers-reduced-motion:reduce){.l{transition:none}}';

/** How long a first-time visitor's launcher waits for the config's colour and corner (and
 * the app for the server's language, when neither the page nor the browser names one). */
const LOOK_WAIT_MS = 1500;
const PREVIEW_MESSAGE = 'parley:preview';

/** A speech bubble (closed) and a chevron (open), built without innerHTML for Trusted Types pages. */
function icon(className: string, path: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

const OPEN_LABELS: Record<Locale, string> = {
  en: 'Open chat',
  de: 'Chat öffnen',
  ru: 'Открыть чат',
};

/** Black or white, whichever reads better on a `#rgb`/`#rrggbb` brand color. */
function textOn(color: string): string {
  let hex = color.replace('#', '');
  if (hex.length === 3) hex = hex.replace(/./g, '$&$&');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return '#fff';
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // White wins when its contrast ratio (1.05 / (L + 0.05)) beats black's ((L + 0.05) / 0.05).
  return luminance < 0.179 ? '#fff' : '#111';
}

function boot(script: HTMLScriptElement, existing: ParleyGlobal | undefined): void {
  const data = script.dataset;
  const base = script.src.replace(/\/widget\.js([?#].*)?$/, '');
  const preview = data.preview !== undefined;
  if (preview) keepInMemory();
  const look = read<{ color?: string; position?: Position }>('look');
  const listeners: Partial<Record<WidgetEvent, ((payload: unknown) => void)[]>> = {};
  const pending: [string, unknown][] = [];
  let app: WidgetApp | null = null;
  let loading = false;

  const element = document.createElement('parley-chat');
  const root = element.attachShadow({ mode: 'open' });
  const frame = document.createElement('div');
  const launcher = document.createElement('button');
  const badge = document.createElement('span');
  addStyles(root, LAUNCHER_CSS);
  launcher.className = 'l';
  launcher.type = 'button';
  launcher.append(
    icon('c', 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z'),
    icon('x', 'M6 9l6 6 6-6'),
  );
  launcher.setAttribute('aria-expanded', 'false');
  // The page's wish, else the browser's: the server's language is known only with the config.
  const wished = supportedLocale(data.locale, ...browserLanguages());
  launcher.setAttribute('aria-label', OPEN_LABELS[wished ?? 'en']);
  badge.className = 'b';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(badge);
  frame.append(launcher);
  root.append(frame);

  const host: Host = {
    options: {
      base,
      department: data.department,
      position: data.position === 'left' || data.position === 'right' ? data.position : undefined,
      color: data.color,
      locale: data.locale,
    },
    root,
    modules: LOADER_MODULES,
    launcher,
    position: 'right',
    identity: null,
    setBadge(count, label) {
      badge.hidden = count === 0;
      badge.textContent = count > 9 ? '9+' : String(count);
      launcher.setAttribute('aria-label', label);
    },
    setOpen(open, label) {
      frame.classList.toggle('o', open);
      launcher.setAttribute('aria-expanded', String(open));
      launcher.setAttribute('aria-label', label);
    },
    setLook(color, position) {
      if (color) {
        element.style.setProperty('--parley-accent', color);
        element.style.setProperty('--parley-on-accent', textOn(color));
      }
      host.position = position;
      frame.classList.toggle('left', position === 'left');
    },
    emit(event, payload) {
      for (const listener of listeners[event] ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error(error);
        }
      }
    },
    ready(loaded) {
      app = loaded;
      for (const [name, arg] of pending.splice(0)) loaded.command(name, arg);
    },
  };
  const applyLook = (config: { color?: string; position?: Position } | null | undefined) =>
    host.setLook(data.color || config?.color, host.options.position ?? config?.position ?? 'right');
  applyLook(look);

  if (preview) {
    // The console (our parent, same origin) sends the unsaved settings as the admin types.
    let latest: WidgetConfig | null = null;
    let apply: ((config: WidgetConfig) => void) | undefined;
    addEventListener('message', (event) => {
      const message = event.data as { type?: string; config?: WidgetConfig } | null;
      if (event.source !== parent || event.origin !== location.origin) return;
      if (message?.type !== PREVIEW_MESSAGE || !message.config) return;
      latest = message.config;
      applyLook(latest);
      apply?.(latest);
    });
    host.preview = (listener) => {
      apply = listener;
      if (latest) listener(latest);
    };
    parent.postMessage({ type: `${PREVIEW_MESSAGE}-ready` }, location.origin);
  } else {
    // Fetched now rather than when the panel opens: the launcher's first paint should be
    // on brand, and the app takes this answer instead of asking again.
    host.config = fetch(`${base}/api/v1/widget/config`, { credentials: 'omit', cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<WidgetConfig>) : null))
      .catch(() => null);
    void host.config.then((config) => {
      if (!config) return;
      write('look', { color: config.color, position: config.position });
      applyLook(config);
    });
  }

  const inject = (locale: Locale) => {
    const tag = document.createElement('script');
    tag.async = true;
    tag.src = `${base}/${__PARLEY_APPS__[locale]}`;
    Object.assign(tag, { [HOST_PROPERTY]: host });
    tag.onerror = () => {
      // A failed download (offline, blocked) may be retried by the next click.
      loading = false;
      tag.remove();
    };
    document.head.append(tag);
  };
  const load = () => {
    if (loading) return;
    loading = true;
    // The app with the visitor's language inside, picked as the app picks it; only when
    // neither the page nor the browser names one the widget speaks does the server's decide.
    if (wished || !host.config) return inject(wished ?? 'en');
    const late = new Promise<null>((resolve) => setTimeout(resolve, LOOK_WAIT_MS, null));
    void Promise.race([host.config, late]).then((config) => inject(pickLocale(config?.locale)));
  };

  const command: Command = (name, arg) => {
    if (name === 'on') {
      const [event, listener] = (Array.isArray(arg) ? arg : []) as [WidgetEvent, () => void];
      if (typeof listener === 'function')
        listeners[event] = [...(listeners[event] ?? []), listener];
      return;
    }
    if (name === 'identify' && arg && typeof arg === 'object') {
      host.identity = { ...host.identity, ...(arg as Record<string, unknown>) };
    }
    if (app) return app.command(name, arg);
    // Until the app is here the panel cannot be showing, so a toggle can only mean "open".
    const queued = name === 'toggle' ? 'open' : name;
    if (queued === 'open') load();
    pending.push([queued, arg]);
  };

  const parley: ParleyGlobal = (name, ...rest: unknown[]) =>
    command(name, name === 'on' ? rest : rest[0]);
  parley.loaded = true;
  (window as unknown as { Parley: ParleyGlobal }).Parley = parley;
  // Calls the page queued before the loader arrived: its listeners at once, so no event can
  // come before them; the commands once the widget shows (see mount).
  const queued = (existing?.q ?? []).map((args) => Array.from(args) as [string, ...unknown[]]);
  for (const [name, ...rest] of queued) if (name === 'on') parley(name, ...rest);

  launcher.addEventListener('click', () => command('toggle'));
  // Start the download as soon as the visitor shows intent, so opening feels instant.
  launcher.addEventListener('pointerenter', load, { once: true });
  launcher.addEventListener('focus', load, { once: true });

  let mounted = false;
  const mount = () => {
    if (mounted) return;
    mounted = true;
    document.body.append(element);
    // Pages that swap the whole <body> on navigation (Turbo, some SPA routers) would drop the
    // widget: put it back into the new body.
    new MutationObserver(() => {
      if (!element.isConnected && document.body) document.body.append(element);
    }).observe(document.documentElement, { childList: true });
    for (const [name, ...rest] of queued) if (name !== 'on') parley(name, ...rest);
    // A visitor with a conversation needs live messages and the unread badge, and one who
    // left the panel open on a wide screen expects it open on the next page of this tab.
    const wasOpen = readTab('open') === '1' && matchMedia('(min-width: 481px)').matches;
    // An email's "Open the chat" link (`#parley-resume=…`): the app opens that conversation.
    if (wasOpen || preview || location.hash.includes('parley-resume=')) command('open');
    else if (readRaw('session')) setTimeout(load, 1);
  };
  const show = () => {
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount);
  };
  // A returning visitor's launcher shows at once in the look remembered from last time; a
  // first-time visitor's waits (briefly) for the config rather than jump to it.
  const known = look || (data.color && host.options.position);
  if (known || !host.config) show();
  else {
    setTimeout(show, LOOK_WAIT_MS);
    void host.config.then(show);
  }
}

const current = (window as unknown as { Parley?: ParleyGlobal }).Parley;
const script = (document.currentScript ??
  document.querySelector('script[src*="/widget.js"]')) as HTMLScriptElement | null;
if (script && !current?.loaded) boot(script, current);
