// Images are decoded and encoded again before they are stored: what was in the file beside
// the pixels (EXIF with GPS positions, camera serials, comments, embedded scripts) does not
// survive, the EXIF orientation is applied to the pixels, and a small thumbnail is made.
import sharp, { type Sharp } from 'sharp';
import { AppError } from '../errors';

/** About 50 megapixels: a decompression bomb stops here rather than filling the memory. */
export const MAX_IMAGE_PIXELS = 50_000_000;
const THUMBNAIL_SIZE = 320;

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
}

export const THUMBNAIL_TYPE = 'image/webp';

function encode(image: Sharp, type: string): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 85 });
    case 'image/png':
      return image.png();
    case 'image/gif':
      return image.gif();
    default:
      return image.webp({ quality: 85 });
  }
}

/** The error for an image sharp refused: too many pixels, or not readable. */
export function unreadableImage(error: unknown): AppError {
  const message = (error as Error)?.message ?? '';
  if (/pixel limit/i.test(message)) {
    return new AppError('too_large', 'The image has too many pixels (at most 50 megapixels)');
  }
  return new AppError('invalid_request', 'The image could not be read; it may be damaged');
}

export async function processImage(bytes: Buffer, type: string): Promise<ProcessedImage> {
  const animated = type === 'image/gif' || type === 'image/webp';
  try {
    // Without keepMetadata()/withMetadata(), sharp writes no EXIF, XMP, IPTC or comments.
    const source = sharp(bytes, { animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const output = await encode(source.autoOrient(), type).toBuffer();
    const meta = await sharp(output, { animated }).metadata();
    const width = meta.width ?? 0;
    const height = meta.pageHeight ?? meta.height ?? 0;
    const thumbnail = await sharp(output)
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { bytes: output, width, height, thumbnail };
  } catch (error) {
    throw unreadableImage(error);
  }
}
