// The start chunk's words, in every language the widget speaks: they come with the chunk
// rather than weigh on the app (the admin's wording still wins, see i18n.ts).
import type { ChunkStrings } from '../i18n';

export const START_STRINGS: Record<string, Partial<ChunkStrings>> = {
  en: {
    chooseDepartment: 'Who would you like to talk to?',
    formIntro: 'Before we start, tell us a little about you.',
    start: 'Start chat',
    required: 'This field is required',
    invalidEmail: 'Enter a valid email address',
    back: 'Back',
  },
  de: {
    chooseDepartment: 'Mit wem möchten Sie sprechen?',
    formIntro: 'Bevor es losgeht, erzählen Sie uns kurz etwas über sich.',
    start: 'Chat starten',
    required: 'Dieses Feld ist erforderlich',
    invalidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein',
    back: 'Zurück',
  },
  ru: {
    chooseDepartment: 'С кем вы хотите поговорить?',
    formIntro: 'Перед началом расскажите немного о себе.',
    start: 'Начать чат',
    required: 'Обязательное поле',
    invalidEmail: 'Введите корректный адрес электронной почты',
    back: 'Назад',
  },
};
