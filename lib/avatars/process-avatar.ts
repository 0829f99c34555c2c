// A profile photo as Parley keeps it: the type taken from the bytes (images only), decoded
// and encoded again so nothing but pixels survives (EXIF, GPS, comments), turned upright,
// cropped to a square and made small.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { inspectFile } from '../attachments/inspect-file';
import { MAX_IMAGE_PIXELS, unreadableImage } from '../attachments/process-image';
import { AppError } from '../errors';

/** Pixels per side: sharp enough for a 96 px circle on a high-density screen. */
export const AVATAR_SIZE = 256;

/** Photos larger than this are refused before they are decoded. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export async function processAvatar(bytes: Buffer): Promise<Buffer> {
  const file = await inspectFile(bytes, 'avatar');
  if (file.class !== 'image') {
    throw new AppError(
      'unsupported_media_type',
      'A profile photo must be a PNG, JPEG, GIF or WebP image',
    );
  }
  try {
    // Without keepMetadata()/withMetadata(), sharp writes no EXIF, XMP, IPTC or ICC comments.
    return await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    throw unreadableImage(error);
  }
}

/** Two agents with the same picture still get two names; neither reveals the agent. */
export function avatarHash(agentId: string, bytes: Buffer): string {
  return createHash('sha256').update(agentId).update('\0').update(bytes).digest('hex').slice(0, 32);
}
