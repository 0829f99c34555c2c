// Text rules for everything a person types: plain text, trimmed, CRLF → LF, no control
// characters but newline and tab, 1–4000 characters.
import { z } from 'zod';
import { cleanString, oneLine } from './fields';

export const MAX_TEXT_LENGTH = 4000;

/** Line breaks as LF, control characters and lone surrogates cleaned, trimmed. */
export function normalizeText(raw: string): string {
  return cleanString(raw.replace(/\r\n?/g, '\n')).trim();
}

// What arrives may be longer than what is kept (CRLF, spaces around); four times the limit
// is more than any honest client sends and bounds the work of cleaning it.
export const MAX_RAW_TEXT_LENGTH = MAX_TEXT_LENGTH * 4;

export const textSchema = z
  .string()
  .max(MAX_RAW_TEXT_LENGTH, `Text is over ${MAX_TEXT_LENGTH} characters`)
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
  .max(MAX_RAW_TEXT_LENGTH, 'Name is too long')
  .transform(oneLine)
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
