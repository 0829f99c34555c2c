// The seam to the email chunk (email/), fetched when it has something to do: the visitor's
// message waits for an answer and they left no address (the chunk asks for one when nobody
// is online or the visitor is leaving), the conversation closed (the transcript by email),
// or the page was opened from an email's link (`#parley-resume=…`, which the chunk reads).
import type { Chat } from './chat';
import { loadChunk } from './chunks';

export interface EmailUi {
  start(chat: Chat): void;
}

export function watchEmail(chat: Chat): void {
  const resume = location.hash.includes('parley-resume=');
  let asked: unknown;
  chat.subscribe(() => {
    const { config, conversation: c } = chat.state;
    // An open status after the first message: the visitor's message is the last one.
    const waiting = c && !c.email && c.status.startsWith('open');
    if (!asked && (resume || (config?.email && (waiting || c?.status === 'closed')))) {
      asked = loadChunk<EmailUi>(chat, 'email').then((ui) => ui.start(chat));
    }
  });
}
