// The attachment UI's own strings (the app's i18n.ts stays small): English, German, Russian,
// picked by the app's locale, English for anything missing.

const en = {
  toSend: 'Files to send',
  limits: 'Up to {n} files, {size} each',
  remove: 'Remove {name}',
  tooBig: '{name} ({size}) is over the {limit} limit for files.',
  tooMany: 'You can send up to {n} files at once.',
  empty: '{name} is empty.',
  uploading: 'Uploading {name}',
  view: 'View {name} full size',
  download: 'Download',
  close: 'Close',
  previous: 'Previous image',
  next: 'Next image',
  position: 'Image {n} of {total}',
  file_too_large: 'This file is over the size limit.',
  file_type: 'This type of file cannot be sent.',
  file_invalid: 'This file could not be sent.',
  file_gone: 'This file is no longer on this device.',
};

export type FilesStringKey = keyof typeof en;

const de: Partial<Record<FilesStringKey, string>> = {
  toSend: 'Zu sendende Dateien',
  limits: 'Bis zu {n} Dateien, je {size}',
  remove: '{name} entfernen',
  tooBig: '{name} ({size}) ist größer als die erlaubten {limit}.',
  tooMany: 'Sie können bis zu {n} Dateien auf einmal senden.',
  empty: '{name} ist leer.',
  uploading: '{name} wird hochgeladen',
  view: '{name} in voller Größe ansehen',
  download: 'Herunterladen',
  close: 'Schließen',
  previous: 'Vorheriges Bild',
  next: 'Nächstes Bild',
  position: 'Bild {n} von {total}',
  file_too_large: 'Diese Datei ist zu groß.',
  file_type: 'Dieser Dateityp kann nicht gesendet werden.',
  file_invalid: 'Diese Datei konnte nicht gesendet werden.',
  file_gone: 'Diese Datei ist auf diesem Gerät nicht mehr vorhanden.',
};

const ru: Partial<Record<FilesStringKey, string>> = {
  toSend: 'Файлы для отправки',
  limits: 'До {n} файлов, не больше {size} каждый',
  remove: 'Убрать {name}',
  tooBig: '{name} ({size}) больше допустимых {limit}.',
  tooMany: 'За раз можно отправить не больше {n} файлов.',
  empty: 'Файл {name} пуст.',
  uploading: 'Загрузка {name}',
  view: 'Открыть {name} в полном размере',
  download: 'Скачать',
  close: 'Закрыть',
  previous: 'Предыдущее изображение',
  next: 'Следующее изображение',
  position: 'Изображение {n} из {total}',
  file_too_large: 'Файл слишком большой.',
  file_type: 'Такой файл отправить нельзя.',
  file_invalid: 'Не удалось отправить файл.',
  file_gone: 'Этого файла больше нет на устройстве.',
};

const LANGUAGES: Record<string, Partial<Record<FilesStringKey, string>>> = { en, de, ru };

export type FilesTranslate = (
  key: FilesStringKey,
  values?: Record<string, string | number>,
) => string;

export function filesTranslator(locale: string): FilesTranslate {
  const table = { ...en, ...LANGUAGES[locale] };
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
}

/** The string for an upload refusal's `file_…` code, if it is one. */
export const isFileError = (code: string | undefined): code is FilesStringKey & `file_${string}` =>
  !!code && code in en && code.startsWith('file_');
