// Text rules for everything a person types: plain text, trimmed, CRLF → LF, no control
// characters but newline and tab, 1–4000 characters.
import { z } from 'zod';

export const MAX_TEXT_LENGTH = 4000;

// C0 controls except \t (09) and \n (0a), DEL, and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

export const textSchema = z
  .string()
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .min(1, 'Text is empty')
      .max(MAX_TEXT_LENGTH, `Text is over ${MAX_TEXT_LENGTH} characters`),
  );

const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|ru|info|biz|xyz|co|me|app|dev)\b)/i;

/** A customer's display name: 2–32 characters on one line, no links. */
export const customerNameSchema = z
  .string()
  .transform((raw) => normalizeText(raw).replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(2, 'Name must be at least 2 characters')
      .max(32, 'Name must be at most 32 characters')
      .refine((name) => !LINK.test(name), 'Name must not contain a link'),
  );

/** Idempotency key chosen by the client for each message it sends. */
export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'clientId may contain letters, digits and _ . : - only');
