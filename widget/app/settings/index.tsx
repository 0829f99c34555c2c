// The settings chunk (public/widget/settings-<hash>.js): the drawer with sound and the
// visitor's name, fetched the first time a visitor opens it.
import { addStyles } from '../../styles';
import { receivedHandOff } from '../hand-off';
import type { SettingsUi } from '../settings';
import { SETTINGS_STRINGS } from './strings';
import css from './styles.css';
import { Settings } from './views';

const handOff = receivedHandOff<SettingsUi>();
if (handOff) {
  addStyles(handOff.chat.host.root, css);
  handOff.chat.addStrings(SETTINGS_STRINGS);
  handOff.ready({ Settings });
}
