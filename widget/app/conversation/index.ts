// The conversation chunk (public/widget/conversation-<hash>.js): the live link and what the
// transcript shows once there is a conversation, fetched with the visitor's first message
// (see conversation.ts).
import { addStyles } from '../../styles';
import { chime } from '../alert';
import type { ConversationUi } from '../conversation';
import { receivedHandOff } from '../hand-off';
import { Link } from '../link';
import { TypingSignal } from '../typing';
import { CONVERSATION_STRINGS } from './strings';
import css from './styles.css';
import { Ended, Messages, Notice, Quote, Replying, Typing } from './views';

const handOff = receivedHandOff<ConversationUi>();
if (handOff) {
  addStyles(handOff.chat.host.root, css);
  handOff.chat.addStrings(CONVERSATION_STRINGS);
  handOff.ready({ Link, TypingSignal, chime, Messages, Quote, Typing, Replying, Ended, Notice });
}
