// The widget's strings. English is complete; other languages fall back to it key by key, and
// the server's `strings` (the admin's wording, in the server's locale) override both.

const en = {
  open: 'Open chat',
  close: 'Close chat',
  unread: 'Open chat, {n} unread',
  online: 'Online',
  offline: 'Away · we will reply as soon as we can',
  chooseDepartment: 'Who would you like to talk to?',
  formIntro: 'Before we start, tell us a little about you.',
  start: 'Start chat',
  required: 'This field is required',
  invalidEmail: 'Enter a valid email address',
  back: 'Back',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach files',
  messages: 'Messages',
  you: 'You',
  support: 'Support',
  sending: 'Sending…',
  waiting: 'Waiting for connection…',
  failed: 'Not sent',
  retry: 'Retry',
  remove: 'Delete',
  reconnecting: 'Connection lost. Reconnecting…',
  offlineBanner: 'You are offline. Messages will be sent when you are back online.',
  loading: 'Loading…',
  unavailable: 'The chat is unavailable right now.',
  typing: '{name} is typing…',
  joined: '{name} joined the conversation',
  closed: 'This conversation has been closed.',
  newConversation: 'Start a new conversation',
  charsLeft: '{n} characters left',
  tooLong: '{n} characters over the limit',
  settings: 'Settings',
  sound: 'Sound and vibration',
  yourName: 'Your name',
  save: 'Save',
  dismiss: 'Dismiss',
  announce: 'New message from {name}: {text}',
  blocked: 'You can no longer send messages here.',
  rate_limited: 'You are sending messages too quickly. Please wait a moment.',
  too_large: 'This message is too long.',
  invalid_request: 'This could not be sent. Please check and try again.',
  error: 'Something went wrong. Please try again.',
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const de: Partial<Strings> = {
  open: 'Chat öffnen',
  close: 'Chat schließen',
  unread: 'Chat öffnen, {n} ungelesen',
  online: 'Online',
  offline: 'Abwesend · wir antworten so bald wie möglich',
  chooseDepartment: 'Mit wem möchten Sie sprechen?',
  formIntro: 'Bevor es losgeht, erzählen Sie uns kurz etwas über sich.',
  start: 'Chat starten',
  required: 'Dieses Feld ist erforderlich',
  invalidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein',
  back: 'Zurück',
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
  typing: '{name} schreibt…',
  joined: '{name} ist dem Gespräch beigetreten',
  closed: 'Dieses Gespräch wurde beendet.',
  newConversation: 'Neues Gespräch beginnen',
  charsLeft: 'Noch {n} Zeichen',
  tooLong: '{n} Zeichen zu viel',
  settings: 'Einstellungen',
  sound: 'Ton und Vibration',
  yourName: 'Ihr Name',
  save: 'Speichern',
  dismiss: 'Schließen',
  announce: 'Neue Nachricht von {name}: {text}',
  blocked: 'Sie können hier keine Nachrichten mehr senden.',
  rate_limited: 'Sie senden zu schnell. Bitte warten Sie einen Moment.',
  too_large: 'Diese Nachricht ist zu lang.',
  invalid_request: 'Das konnte nicht gesendet werden. Bitte prüfen und erneut versuchen.',
  error: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
};

const ru: Partial<Strings> = {
  open: 'Открыть чат',
  close: 'Закрыть чат',
  unread: 'Открыть чат, непрочитанных: {n}',
  online: 'В сети',
  offline: 'Нет на месте · ответим, как только сможем',
  chooseDepartment: 'С кем вы хотите поговорить?',
  formIntro: 'Перед началом расскажите немного о себе.',
  start: 'Начать чат',
  required: 'Обязательное поле',
  invalidEmail: 'Введите корректный адрес электронной почты',
  back: 'Назад',
  placeholder: 'Напишите сообщение…',
  send: 'Отправить',
  attach: 'Прикрепить файлы',
  messages: 'Сообщения',
  you: 'Вы',
  support: 'Поддержка',
  sending: 'Отправка…',
  waiting: 'Ожидание соединения…',
  failed: 'Не отправлено',
  retry: 'Повторить',
  remove: 'Удалить',
  reconnecting: 'Соединение потеряно. Переподключаемся…',
  offlineBanner: 'Нет сети. Сообщения будут отправлены, когда связь восстановится.',
  loading: 'Загрузка…',
  unavailable: 'Чат сейчас недоступен.',
  typing: '{name} печатает…',
  joined: '{name} присоединяется к разговору',
  closed: 'Разговор завершён.',
  newConversation: 'Начать новый разговор',
  charsLeft: 'Осталось символов: {n}',
  tooLong: 'Лишних символов: {n}',
  settings: 'Настройки',
  sound: 'Звук и вибрация',
  yourName: 'Ваше имя',
  save: 'Сохранить',
  dismiss: 'Скрыть',
  announce: 'Новое сообщение от {name}: {text}',
  blocked: 'Вы больше не можете отправлять сообщения.',
  rate_limited: 'Слишком много сообщений. Подождите немного.',
  too_large: 'Сообщение слишком длинное.',
  invalid_request: 'Не удалось отправить. Проверьте и попробуйте снова.',
  error: 'Что-то пошло не так. Попробуйте ещё раз.',
};

const LANGUAGES: Record<string, Partial<Strings>> = { en, de, ru };

/** The first supported language among the page's wish, the browser's and the server's. */
export function pickLocale(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language && language in LANGUAGES) return language;
  }
  return 'en';
}

export function browserLanguages(): string[] {
  return [...(navigator.languages ?? []), navigator.language];
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(locale: string, overrides: Record<string, string> = {}): Translate {
  const table = { ...en, ...LANGUAGES[locale], ...overrides } as Strings;
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
}
