// The one-way digest under which one-time codes and tokens are stored (invites, API tokens,
// Telegram link codes): what is stored cannot be used, what is shown is never stored.
import { createHash } from 'node:crypto';

export const sha256Hex = (value: string): string =>
  createHash('sha256').update(value).digest('hex');
