// The emoji chunk (public/widget/emoji-<hash>.js): the picker and its styles, fetched the
// first time a visitor opens it.
import { addStyles } from '../../styles';
import type { EmojiUi } from '../emoji';
import { receivedHandOff } from '../hand-off';
import { Picker } from './picker';
import css from './styles.css';

const handOff = receivedHandOff<EmojiUi>();
if (handOff) {
  addStyles(handOff.chat.host.root, css);
  handOff.ready({ Picker });
}
