// The seam to the email chunk (email/), fetched when it has something to do: the visitor's
// message waits for an answer and they left no address (the chunk asks for one when nobody
// is online or the visitor is leaving), the conversation closed (the transcript by email),
// or the page was opened from an email's link (`#parley-resume=…`, which the chunk reads).
// Whether the visitor is leaving is watched here from the start: one who heads out right
// after writing, before the chunk arrived, is still asked where the reply should go.
import type { Chat } from './chat';
import { loadChunk } from './chunks';

/** The visitor headed out of the page (the pointer left it at the top, the tab was hidden). */
export interface Leaving {
  left: boolean;
  /** Called at each departure; the chunk sets it. */
  on(): void;
}

export interface EmailUi {
  start(chat: Chat, leaving: Leaving): void;
}

export function watchEmail(chat: Chat): void {
  const resume = location.hash.includes('parley-resume=');
  let asked: unknown;
  const leaving: Leaving = { left: false, on() {} };
  // Only a departure with a conversation under way counts, as when the chunk watches.
  const leave = () => {
    if (!chat.state.conversation) return;
    leaving.left = true;
    leaving.on();
  };
  document.addEventListener('mouseout', (event) => {
    if (!event.relatedTarget && event.clientY <= 0) leave();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  chat.subscribe(() => {
    const { config, conversation: c } = chat.state;
    // An open status after the first message: the visitor's message is the last one.
    const waiting = c && !c.email && c.status.startsWith('open');
    if (!asked && (resume || (config?.email && (waiting || c?.status === 'closed')))) {
      asked = loadChunk<EmailUi>(chat, 'email').then((ui) => ui.start(chat, leaving));
    }
  });
}
