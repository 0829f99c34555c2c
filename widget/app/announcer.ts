// Telling the visitor something happened when they may not be looking: the screen reader's
// live region, the page's `Parley('on', 'message')` listeners, and a chime for agent replies
// while the panel is hidden.
import type { Message } from '../../lib/contracts/dto';
import type { Host } from '../host';
import { unlockedSound } from './alert';
import { loadedChunk } from './chunks';
import type { ConversationUi } from './conversation';
import type { Translate } from './i18n';
import type { Store } from './state';

export class Announcer {
  readonly #store: Store;
  readonly #host: Host;
  readonly #t: () => Translate;

  constructor(store: Store, host: Host, t: () => Translate) {
    this.#store = store;
    this.#host = host;
    this.#t = t;
  }

  /** A new agent or system message arrived. */
  message(message: Message): void {
    const { config, open, sound } = this.#store.state;
    const name = message.agentName ?? config?.title ?? this.#t()('support');
    this.say(this.#t()('announce', { name, text: message.text }));
    this.#host.emit('message', message);
    const hidden = !open || document.visibilityState !== 'visible';
    if (message.author === 'agent' && hidden && sound) {
      // The chunk that brought the live link brought the chime.
      loadedChunk<ConversationUi>('conversation')?.chime(unlockedSound());
    }
  }

  /** Reads `text` out through the live region. */
  say(text: string): void {
    // Repeating the same words would not be re-announced; a trailing space makes it new.
    const announcement = text === this.#store.state.announcement ? `${text}\u00a0` : text;
    this.#store.set({ announcement });
  }
}
