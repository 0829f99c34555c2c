// How a post with files becomes Telegram calls, and where a restarted sender resumes.
import { describe, expect, it } from 'vitest';
import { type MediaFile, type MediaStep, planMedia, remainingSteps, sendsAsPhoto } from './media';

let n = 0;
function file(type: string, overrides: Partial<MediaFile> = {}): MediaFile {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `file-${n}`,
    type,
    size: 1000,
    width: type.startsWith('image/') ? 800 : null,
    height: type.startsWith('image/') ? 600 : null,
    storageKey: `k/${n}`,
    telegramFileId: null,
    ...overrides,
  };
}

const shape = (steps: MediaStep[]) =>
  steps.map((step) =>
    step.kind === 'text'
      ? `text(${step.text.length})`
      : step.kind === 'single'
        ? `${step.as}${step.caption ? '+caption' : ''}`
        : `album:${step.as}x${step.files.length}${step.caption ? '+caption' : ''}`,
  );

describe('planMedia', () => {
  it('sends one image as a photo and one PDF as a document, the text as caption', () => {
    expect(shape(planMedia([file('image/png')], 'Look'))).toEqual(['photo+caption']);
    expect(shape(planMedia([file('application/pdf')], ''))).toEqual(['document']);
  });

  it('groups runs of photos and of documents into albums of at most ten, in order', () => {
    const photos = Array.from({ length: 12 }, () => file('image/jpeg'));
    const docs = [file('application/pdf'), file('application/zip')];
    expect(shape(planMedia([...photos, ...docs, file('image/png')], 'Hi'))).toEqual([
      'album:photox10+caption',
      'album:photox2',
      'album:documentx2',
      'photo',
    ]);
  });

  it('sends GIFs, WebP, huge or odd-shaped images as documents', () => {
    expect(sendsAsPhoto(file('image/gif'))).toBe(false);
    expect(sendsAsPhoto(file('image/webp'))).toBe(false);
    expect(sendsAsPhoto(file('image/png', { size: 11 * 1024 * 1024 }))).toBe(false);
    expect(sendsAsPhoto(file('image/png', { width: 4000, height: 100 }))).toBe(false);
    expect(sendsAsPhoto(file('image/jpeg'))).toBe(true);
  });

  it('sends a text longer than a caption first, in parts, and the files after it', () => {
    const text = 'x'.repeat(5000);
    expect(shape(planMedia([file('image/png'), file('image/png')], text))).toEqual([
      'text(4096)',
      'text(904)',
      'album:photox2',
    ]);
  });
});

describe('remainingSteps', () => {
  it('skips exactly the steps whose messages were recorded as sent', () => {
    const steps = planMedia(
      [file('image/png'), file('image/png'), file('image/png'), file('application/pdf')],
      'Caption',
    );
    expect(shape(steps)).toEqual(['album:photox3+caption', 'document']);
    expect(remainingSteps(steps, 0)).toEqual(steps);
    // The album gave three messages: after them only the document is left.
    expect(remainingSteps(steps, 3)).toEqual([steps[1]]);
    expect(remainingSteps(steps, 4)).toEqual([]);
  });
});
