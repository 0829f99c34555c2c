// The widget's strings. English is complete and built in; the other languages are chunks
// (strings/, loaded for visitors who read them) that fall back to English key by key, and the
// server's `strings` (the admin's wording, in the server's locale) override both.

const en = {
  open: 'Open chat',
  close: 'Close chat',
  unread: 'Open chat, {n} unread',
  online: 'Online',
  replySoon: 'we usually reply in a few minutes',
  away: 'Away',
  offline: 'Away · we will reply as soon as we can',
  backToday: 'back at {time}',
  backOn: 'back {day} at {time}',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach files',
  messages: 'Messages',
  you: 'You',
  support: 'Support',
  sending: 'Sending…',
  waiting: 'Waiting for connection…',
  failed: 'Not sent',
  retry: 'Retry',
  remove: 'Delete',
  reconnecting: 'Connection lost. Reconnecting…',
  offlineBanner: 'You are offline. Messages will be sent when you are back online.',
  loading: 'Loading…',
  unavailable: 'The chat is unavailable right now.',
  typing: '{name} is typing…',
  joined: '{name} joined the conversation',
  reply: 'Reply',
  replyTo: 'Reply to: {text}',
  replyingTo: 'Replying to {name}',
  cancelReply: 'Cancel reply',
  edited: 'edited',
  deleted: 'Message deleted',
  emoji: 'Emoji',
  justNow: 'just now',
  emptyTitle: 'Ask us anything',
  emptyText: 'Write below and we will answer right here.',
  closed: 'This conversation has been closed.',
  newConversation: 'Start a new conversation',
  charsLeft: '{n} characters left',
  tooLong: '{n} characters over the limit',
  settings: 'Settings',
  dismiss: 'Dismiss',
  announce: 'New message from {name}: {text}',
  blocked: 'You can no longer send messages here.',
  rate_limited: 'You are sending messages too quickly. Please wait a moment.',
  too_large: 'This message is too long.',
  invalid_request: 'This could not be sent. Please check and try again.',
  error: 'Something went wrong. Please try again.',
};

/** Words only a chunk shows; each chunk brings them (start/strings.ts, settings/strings.ts). */
export interface ChunkStrings {
  chooseDepartment: string;
  formIntro: string;
  start: string;
  required: string;
  invalidEmail: string;
  back: string;
  sound: string;
  yourName: string;
  save: string;
  // The email chunk's (email/strings.ts).
  emailAsk: string;
  emailAskOffline: string;
  emailLabel: string;
  emailSave: string;
  emailNoThanks: string;
  emailSaved: string;
  emailInvalid: string;
  transcriptAsk: string;
  transcriptSend: string;
  transcriptSent: string;
}

export type StringKey = keyof typeof en | keyof ChunkStrings;
export type Strings = Record<StringKey, string>;

/** Languages the widget speaks; all but English arrive as chunks (`strings-<language>`). */
const LANGUAGES = ['en', 'de', 'ru'];
const tables: Record<string, Partial<Strings>> = { en };
/** What chunks brought, by language: merged under each language's own table. */
const chunkTables: Record<string, Partial<Strings>> = {};

/** Whether `locale`'s strings are here (English always is). */
export const hasLanguage = (locale: string): boolean => locale in tables;

export function addLanguage(locale: string, table: Partial<Strings>): void {
  tables[locale] = table;
}

/** A chunk's own words, in every language it knows. */
export function addChunkStrings(byLocale: Record<string, Partial<Strings>>): void {
  for (const [locale, table] of Object.entries(byLocale)) {
    chunkTables[locale] = { ...chunkTables[locale], ...table };
  }
}

/** The first supported language among the page's wish, the browser's and the server's. */
export function pickLocale(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language && LANGUAGES.includes(language)) return language;
  }
  return 'en';
}

export function browserLanguages(): string[] {
  return [...(navigator.languages ?? []), navigator.language];
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(locale: string, overrides: Record<string, string> = {}): Translate {
  const table = {
    ...en,
    ...chunkTables.en,
    ...tables[locale],
    ...chunkTables[locale],
    ...overrides,
  } as Strings;
  // A chunk's word before the chunk is here: its key, never a crash.
  return (key, values) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      String(values?.[name] ?? whole),
    );
}
