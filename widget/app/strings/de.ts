// The widget's words in German: built into the German app (app-de-<hash>.js) and a chunk
// of their own (strings-de-<hash>.js) for a visitor whose language turns out to be German
// only after another app loaded.
import type { Strings } from '../i18n';

export const locale = 'de';

export const strings: Strings = {
  open: 'Chat öffnen',
  close: 'Chat schließen',
  unread: 'Chat öffnen, {n} ungelesen',
  online: 'Online',
  offline: 'Abwesend · wir antworten so bald wie möglich',
  placeholder: 'Nachricht schreiben…',
  send: 'Senden',
  attach: 'Dateien anhängen',
  messages: 'Nachrichten',
  you: 'Sie',
  support: 'Support',
  sending: 'Wird gesendet…',
  waiting: 'Warte auf Verbindung…',
  failed: 'Nicht gesendet',
  retry: 'Erneut senden',
  remove: 'Löschen',
  reconnecting: 'Verbindung unterbrochen. Verbinde neu…',
  offlineBanner: 'Sie sind offline. Nachrichten werden gesendet, sobald Sie wieder online sind.',
  loading: 'Wird geladen…',
  unavailable: 'Der Chat ist gerade nicht verfügbar.',
  charsLeft: 'Noch {n} Zeichen',
  tooLong: '{n} Zeichen zu viel',
  settings: 'Einstellungen',
  announce: 'Neue Nachricht von {name}: {text}',
  replySoon: 'wir antworten meist in wenigen Minuten',
  away: 'Abwesend',
  backToday: 'zurück um {time}',
  backOn: 'zurück {day} um {time}',
  emoji: 'Emoji',
  emptyTitle: 'Fragen Sie uns alles',
  emptyText: 'Schreiben Sie unten, wir antworten hier.',
  error: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  // The start form
  chooseDepartment: 'Mit wem möchten Sie sprechen?',
  formIntro: 'Bevor es losgeht, erzählen Sie uns kurz etwas über sich.',
  start: 'Chat starten',
  required: 'Dieses Feld ist erforderlich',
  invalidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein',
  back: 'Zurück',
};
