// The settings drawer's words, in every language the widget speaks: they come with the chunk
// rather than weigh on the app (the admin's wording still wins, see i18n.ts).
import type { ChunkStrings } from '../i18n';

export const SETTINGS_STRINGS: Record<string, Partial<ChunkStrings>> = {
  en: {
    sound: 'Sound and vibration',
    yourName: 'Your name',
    save: 'Save',
  },
  de: {
    sound: 'Ton und Vibration',
    yourName: 'Ihr Name',
    save: 'Speichern',
  },
  ru: {
    sound: 'Звук и вибрация',
    yourName: 'Ваше имя',
    save: 'Сохранить',
  },
};
