// A language as a chunk (public/widget/strings-<locale>-<hash>.js), for a visitor whose
// language turns out to differ from the one their app was built with (the server's locale
// when the loader could not ask, the console's preview switching languages).
import { receivedHandOff } from '../hand-off';
import type { Strings } from '../i18n';
import { strings } from './built-in';

receivedHandOff<Strings>()?.ready(strings);
