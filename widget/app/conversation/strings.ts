// The conversation chunk's words, in every language the widget speaks: they come with the
// chunk rather than weigh on the app (the admin's wording still wins, see i18n.ts).
import type { ChunkStrings } from '../i18n';

type ConversationStrings = Pick<
  ChunkStrings,
  | 'typing'
  | 'joined'
  | 'reply'
  | 'replyTo'
  | 'replyingTo'
  | 'cancelReply'
  | 'edited'
  | 'deleted'
  | 'justNow'
  | 'closed'
  | 'newConversation'
  | 'dismiss'
  | 'blocked'
  | 'rate_limited'
  | 'too_large'
  | 'invalid_request'
>;

export const CONVERSATION_STRINGS: Record<string, ConversationStrings> = {
  en: {
    typing: '{name} is typing…',
    joined: '{name} joined the conversation',
    reply: 'Reply',
    replyTo: 'Reply to: {text}',
    replyingTo: 'Replying to {name}',
    cancelReply: 'Cancel reply',
    edited: 'edited',
    deleted: 'Message deleted',
    justNow: 'just now',
    closed: 'This conversation has been closed.',
    newConversation: 'Start a new conversation',
    dismiss: 'Dismiss',
    blocked: 'You can no longer send messages here.',
    rate_limited: 'You are sending messages too quickly. Please wait a moment.',
    too_large: 'This message is too long.',
    invalid_request: 'This could not be sent. Please check and try again.',
  },
  de: {
    typing: '{name} schreibt…',
    joined: '{name} ist dem Gespräch beigetreten',
    reply: 'Antworten',
    replyTo: 'Antworten auf: {text}',
    replyingTo: 'Antwort an {name}',
    cancelReply: 'Antwort abbrechen',
    edited: 'bearbeitet',
    deleted: 'Nachricht gelöscht',
    justNow: 'gerade eben',
    closed: 'Dieses Gespräch wurde beendet.',
    newConversation: 'Neues Gespräch beginnen',
    dismiss: 'Schließen',
    blocked: 'Sie können hier keine Nachrichten mehr senden.',
    rate_limited: 'Sie senden zu schnell. Bitte warten Sie einen Moment.',
    too_large: 'Diese Nachricht ist zu lang.',
    invalid_request: 'Das konnte nicht gesendet werden. Bitte prüfen und erneut versuchen.',
  },
  ru: {
    typing: '{name} печатает…',
    joined: '{name} присоединяется к разговору',
    reply: 'Ответить',
    replyTo: 'Ответить на: {text}',
    replyingTo: 'Ответ для {name}',
    cancelReply: 'Отменить ответ',
    edited: 'изменено',
    deleted: 'Сообщение удалено',
    justNow: 'только что',
    closed: 'Разговор завершён.',
    newConversation: 'Начать новый разговор',
    dismiss: 'Скрыть',
    blocked: 'Вы больше не можете отправлять сообщения.',
    rate_limited: 'Слишком много сообщений. Подождите немного.',
    too_large: 'Сообщение слишком длинное.',
    invalid_request: 'Не удалось отправить. Проверьте и попробуйте снова.',
  },
};
