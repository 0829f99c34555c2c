// The path parameters of the API's routes: `/…/:id` is a uuid (400 otherwise).
import { z } from 'zod';
import { boundedString, uuidSchema } from './fields';

export const idParams = z.object({ id: uuidSchema });

/** `/conversations/:id`: the customer's token must belong to this conversation. */
export const conversationParams = idParams;

/** `/conversations/:id/messages/:messageId`. */
export const messageParams = z.object({ id: uuidSchema, messageId: uuidSchema });

/** `/conversations/:id/:action`: the action is checked by the route (404 when unknown). */
export const conversationActionParams = z.object({
  id: uuidSchema,
  action: boundedString(32, 'action'),
});

/** `/invites/:token`. */
export const inviteParams = z.object({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not an invitation token'),
});

/** `/avatars/:file`: `<32 hex digits>.webp`, the content hash an avatar URL names. */
export const avatarFileParams = z
  .object({
    file: z
      .string()
      .max(40)
      .regex(/^[0-9a-f]{32}\.webp$/, 'Not an avatar file name'),
  })
  .transform(({ file }) => ({ hash: file.slice(0, 32) }));
