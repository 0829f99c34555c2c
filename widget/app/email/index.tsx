// The email chunk (public/widget/email-<hash>.js): the card asking for an address, the
// transcript by email on the closed screen, and the conversation reopened from an email.
import { addStyles } from '../../styles';
import type { EmailUi } from '../email';
import { receivedHandOff } from '../hand-off';
import { startEmail } from './cards';
import { EMAIL_STRINGS } from './strings';
import css from './styles.css';

const handOff = receivedHandOff<EmailUi>();
if (handOff) {
  addStyles(handOff.chat.host.root, css);
  handOff.chat.addStrings(EMAIL_STRINGS);
  handOff.ready({ start: startEmail });
}
