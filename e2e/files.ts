// Real files for the attachment specs: PNG screenshots drawn by sharp, a one-page PDF, and
// the in-page helpers that paste or drop them the way a browser does (a DataTransfer holding
// File objects), since Playwright has no clipboard or drag source for files.
import type { Locator } from '@playwright/test';
import sharp from 'sharp';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A PNG of one colour with a darker band, so the lightbox shows something recognisable. */
export async function png(name: string, width: number, height: number, color: string) {
  const band = Buffer.from(
    `<svg width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${color}"/><rect y="${Math.round(height / 3)}" width="${width}" height="${Math.round(height / 3)}" fill="#0f172a" opacity="0.35"/></svg>`,
  );
  const buffer = await sharp(band).png().toBuffer();
  return { name, mimeType: 'image/png', buffer } satisfies TestFile;
}

/** A small valid PDF with one line of text. */
export function pdf(name: string, line: string): TestFile {
  const stream = `BT /F1 18 Tf 72 720 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

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
