// The widget's words in Russian: built into the Russian app (app-ru-<hash>.js) and a chunk
// of their own (strings-ru-<hash>.js) for a visitor whose language turns out to be Russian
// only after another app loaded.
import type { Strings } from '../i18n';

export const locale = 'ru';

export const strings: Strings = {
  open: 'Открыть чат',
  close: 'Закрыть чат',
  unread: 'Открыть чат, непрочитанных: {n}',
  online: 'В сети',
  offline: 'Нет на месте · ответим, как только сможем',
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
  charsLeft: 'Осталось символов: {n}',
  tooLong: 'Лишних символов: {n}',
  settings: 'Настройки',
  announce: 'Новое сообщение от {name}: {text}',
  replySoon: 'обычно отвечаем за несколько минут',
  away: 'Нет на месте',
  backToday: 'вернёмся в {time}',
  backOn: 'вернёмся: {day}, {time}',
  emoji: 'Эмодзи',
  emptyTitle: 'Спросите нас о чём угодно',
  emptyText: 'Напишите ниже — ответим здесь же.',
  error: 'Что-то пошло не так. Попробуйте ещё раз.',
  // The start form
  chooseDepartment: 'С кем вы хотите поговорить?',
  formIntro: 'Перед началом расскажите немного о себе.',
  start: 'Начать чат',
  required: 'Обязательное поле',
  invalidEmail: 'Введите корректный адрес электронной почты',
  back: 'Назад',
};
