// The public address of an agent's profile photo. It is named by a hash of the agent and
// the bytes, so it says nothing about who the agent is (no id, no email) and never changes
// once made: browsers and the widget's host pages may cache it for good.
import { env } from '../env';

export const AVATAR_TYPE = 'image/webp';

export function avatarUrl(hash: string | null | undefined): string | null {
  return hash ? `${env().publicUrl}/api/v1/avatars/${hash}.webp` : null;
}
