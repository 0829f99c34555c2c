// Recognises PostgreSQL errors by SQLSTATE, whichever driver or wrapper raised them.

export const UNIQUE_VIOLATION = '23505';

export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const name =
      (current as { constraint_name?: string; constraint?: string }).constraint_name ??
      (current as { constraint?: string }).constraint;
    if (name) return name === constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export const FOREIGN_KEY_VIOLATION = '23503';

export const isForeignKeyViolation = (error: unknown): boolean =>
  pgErrorCode(error) === FOREIGN_KEY_VIOLATION;
