// The email chunk's words, in every language the widget speaks (the admin's wording wins).
import type { ChunkStrings } from '../i18n';

type EmailStrings = Pick<
  ChunkStrings,
  | 'emailAsk'
  | 'emailAskOffline'
  | 'emailLabel'
  | 'emailSave'
  | 'emailNoThanks'
  | 'emailSaved'
  | 'emailInvalid'
  | 'transcriptAsk'
  | 'transcriptSend'
  | 'transcriptSent'
>;

export const EMAIL_STRINGS: Record<string, EmailStrings> = {
  en: {
    emailAsk: 'Leaving? Get the reply by email.',
    emailAskOffline: 'Nobody is online right now. Leave your email and we will reply there.',
    emailLabel: 'Your email',
    emailSave: 'Notify me',
    emailNoThanks: 'No thanks',
    emailSaved: 'We will email replies to {email} if you are not here.',
    emailInvalid: 'Please enter a valid email address.',
    transcriptAsk: 'Want a copy of this conversation?',
    transcriptSend: 'Email me the transcript',
    transcriptSent: 'Sent to {email}.',
  },
  de: {
    emailAsk: 'Sie gehen? Erhalten Sie die Antwort per E-Mail.',
    emailAskOffline: 'Gerade ist niemand da. Hinterlassen Sie Ihre E-Mail, wir antworten dort.',
    emailLabel: 'Ihre E-Mail',
    emailSave: 'Benachrichtigen',
    emailNoThanks: 'Nein, danke',
    emailSaved: 'Wir senden Antworten an {email}, wenn Sie nicht hier sind.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
    transcriptAsk: 'Möchten Sie eine Kopie des Gesprächs?',
    transcriptSend: 'Verlauf per E-Mail senden',
    transcriptSent: 'An {email} gesendet.',
  },
  ru: {
    emailAsk: 'Уходите? Получите ответ по почте.',
    emailAskOffline: 'Сейчас никого нет. Оставьте email, и мы ответим туда.',
    emailLabel: 'Ваш email',
    emailSave: 'Сообщить мне',
    emailNoThanks: 'Нет, спасибо',
    emailSaved: 'Если вас не будет в чате, ответ придёт на {email}.',
    emailInvalid: 'Введите правильный адрес почты.',
    transcriptAsk: 'Хотите копию этого разговора?',
    transcriptSend: 'Отправить переписку на почту',
    transcriptSent: 'Отправлено на {email}.',
  },
};
