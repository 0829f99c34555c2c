// Persistence on the host page's origin: localStorage, or a first-party cookie for the small
// keys when localStorage is unavailable (blocked storage, some private modes), else memory.

const PREFIX = 'parley.';
const COOKIE_KEYS = ['session', 'visitor', 'sound', 'look', 'seen'];

function probeLocalStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.setItem(`${PREFIX}probe`, '1');
    storage.removeItem(`${PREFIX}probe`);
    return storage;
  } catch {
    return null;
  }
}

let local = probeLocalStorage();
let cookies = true;
const memory = new Map<string, string>();

/** The console's preview runs on Parley's own origin: it must not touch a visitor's state. */
export function keepInMemory(): void {
  local = null;
  cookies = false;
}

function readCookie(key: string): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|; )${PREFIX}${key}=([^;]*)`));
  return match ? decodeURIComponent(match[1] ?? '') : null;
}

function writeCookie(key: string, value: string | null): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  const expiry = value === null ? 'max-age=0' : 'max-age=31536000';
  // biome-ignore lint/suspicious/noDocumentCookie: the synchronous cookie is the fallback; the Cookie Store API is async and not everywhere
  document.cookie = `${PREFIX}${key}=${encodeURIComponent(value ?? '')}; path=/; ${expiry}; SameSite=Lax${secure}`;
}

export function readRaw(key: string): string | null {
  if (local) return local.getItem(PREFIX + key);
  if (cookies && COOKIE_KEYS.includes(key)) return readCookie(key);
  return memory.get(key) ?? null;
}

export function writeRaw(key: string, value: string | null): void {
  try {
    if (local) {
      if (value === null) local.removeItem(PREFIX + key);
      else local.setItem(PREFIX + key, value);
    } else if (cookies && COOKIE_KEYS.includes(key)) writeCookie(key, value);
    else if (value === null) memory.delete(key);
    else memory.set(key, value);
  } catch {
    // A full quota must not break chatting; the value just is not persisted.
  }
}

export function read<T>(key: string): T | null {
  const raw = readRaw(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function write(key: string, value: unknown): void {
  writeRaw(key, value === undefined || value === null ? null : JSON.stringify(value));
}

/** Keys (without the prefix) that start with `prefix`. */
export function keysWith(prefix: string): string[] {
  const found: string[] = [];
  if (local) {
    for (let i = 0; i < local.length; i++) {
      const key = local.key(i);
      if (key?.startsWith(PREFIX + prefix)) found.push(key.slice(PREFIX.length));
    }
  } else {
    for (const key of memory.keys()) if (key.startsWith(prefix)) found.push(key);
  }
  return found;
}

/** Per-tab state (survives reloads and navigation in this tab only); lost if unavailable. */
export function readTab(key: string): string | null {
  if (!cookies) return null;
  try {
    return sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeTab(key: string, value: string | null): void {
  if (!cookies) return;
  try {
    if (value === null) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, value);
  } catch {
    // Without sessionStorage the panel simply starts closed on the next page.
  }
}

/** Calls `listener` when another tab changes `key`. */
export function onExternalChange(key: string, listener: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === PREFIX + key) listener();
  });
}
