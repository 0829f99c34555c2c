// Files for the attachment specs as Playwright hands them to a page (the bytes come from
// test/files.ts), and the in-page helpers that paste or drop them the way a browser does (a
// DataTransfer holding File objects), since Playwright has no clipboard or drag source for files.
import type { Locator } from '@playwright/test';
import { pdf as pdfBytes, png as pngBytes } from '../test/files';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A PNG of one colour (drawn by sharp, as the server tests draw theirs). */
export async function png(name: string, width: number, height: number, color: string) {
  return { name, mimeType: 'image/png', buffer: await pngBytes(width, height, color) };
}

export const pdf = (name: string): TestFile => ({
  name,
  mimeType: 'application/pdf',
  buffer: pdfBytes(),
});

type Serialised = { name: string; mimeType: string; base64: string };
const serialise = (files: TestFile[]): Serialised[] =>
  files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }));

/** Dispatches a paste of these files on the element (as a screenshot pasted with Ctrl+V). */
export async function pasteFiles(target: Locator, files: TestFile[]): Promise<void> {
  await target.evaluate((element, list: Serialised[]) => {
    const data = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, serialise(files));
}

/** Drags these files onto the element and drops them. */
export async function dropFiles(target: Locator, files: TestFile[]): Promise<void> {
  await target.evaluate((element, list: Serialised[]) => {
    const data = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }
  }, serialise(files));
}
