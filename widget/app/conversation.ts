// The seam to the conversation chunk (conversation/): what only a conversation needs — its
// live link (link.ts, the socket and the polling behind it), the visitor's typing signal
// and the agents' chime, and what the transcript shows
// once there is one: the messages with their times, quotes, Reply buttons and "Ann joined"
// markers, who is typing, the message being answered above the box, the server's notices,
// the words for a message the server refused, and the closed screen.
// A first-time visitor's app has none of it: the chunk loads with their first message (or
// at once for a returning visitor), while the conversation starts.
import type { FunctionComponent } from 'preact';
import type { QuotedMessage } from '../../lib/contracts/dto';
import type { Link } from './link';
import type { TypingSignal } from './typing';

export interface ConversationUi {
  /** The live link to a conversation (chat.ts connects it). */
  Link: typeof Link;
  /** The visitor's "typing…" to agents, sent over the link. */
  TypingSignal: typeof TypingSignal;
  /** A short chime (and a buzz) for an agent's message, on `sound` when it is unlocked. */
  chime(sound: AudioContext | undefined): void;
  /** The messages in `seq` order, grouped into runs, with who joined between them. */
  Messages: FunctionComponent<{ team: string }>;
  /** The message an unsent one answers, quoted above it. */
  Quote: FunctionComponent<{ quote: QuotedMessage; team: string }>;
  /** "Ann is typing…" with Ann's face. */
  Typing: FunctionComponent<{ name: string }>;
  /** Above the message box: the message being answered, with a button to cancel. */
  Replying: FunctionComponent;
  /** Under a closed conversation: why, and a button to start a new one. */
  Ended: FunctionComponent;
  /** The server's latest notice that agrees with the header's line, with a button to dismiss it. */
  Notice: FunctionComponent<{ online: boolean }>;
}
