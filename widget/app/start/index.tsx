/** @jsxImportSource preact */
// The start chunk (public/widget/start-<hash>.js): the department choice and the pre-chat
// form, which only a visitor who has not started a conversation on a site that asks needs.
import { addStyles } from '../../styles';
import { receivedHandOff } from '../hand-off';
import type { StartUi } from '../start';
import { START_STRINGS } from './strings';
import css from './styles.css';
import { Departments, PreChatForm } from './views';

const handOff = receivedHandOff<StartUi>();
if (handOff) {
  addStyles(handOff.chat.host.root, css);
  handOff.chat.addStrings(START_STRINGS);
  handOff.ready({
    Start: ({ step }) => (step === 'departments' ? <Departments /> : <PreChatForm />),
  });
}
