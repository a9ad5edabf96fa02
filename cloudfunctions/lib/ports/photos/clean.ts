/**
 * What makes bytes a photo we keep: they decode, whole, as a JPEG, PNG or WEBP of a sane size, and
 * are written anew as a JPEG from their pixels alone. Re-encoding is what drops EXIF (phones write
 * the GPS position of the resident's home into every photo), XMP and anything hidden after the
 * image data; a header check alone lets through a PNG signature with nothing behind it, or
 * `ff d8 ff` followed by HTML.
 *
 * Always JPEG: photos are what residents send, JPEG is the smallest for them and the one format
 * every WeChat version and browser shows; one output type also means the type a file is served
 * with is never a guess. Transparency (a PNG screenshot) is laid on white.
 */
import type Sharp from 'sharp';
import { DomainError } from '../../../../src/core';
import { MAX_PHOTO_BYTES, type PhotoType } from './port';

/** The longest side we keep: a phone screen shows less, and the management page's preview too. */
export const MAX_SIDE = 2048;
/**
 * Phones' largest modes write 48 megapixels (8000×6000). Beyond 50 a file is a decompression bomb,
 * not a photo: a 12 KB PNG can claim 100 megapixels and hundreds of MB once decoded.
 */
export const MAX_INPUT_PIXELS = 50_000_000;
const QUALITY = 82;
const TIMEOUT_SECONDS = 10;

/** The type the first bytes claim (never the type the client claims): only these are decoded at all. */
export function sniffImage(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

// sharp is native (libvips): required on first use only, so a cloud function that never cleans a
// photo neither carries it nor loads it (config/build-functions.mjs puts it beside `reports`).
// require, not import(): esbuild keeps an external import() as is, and node would then load
// sharp's ESM build, which the copy beside the function leaves out.
let loaded: typeof Sharp | null = null;
function loadSharp(): typeof Sharp {
  if (!loaded) {
    loaded = require('sharp') as typeof Sharp;
    // A warm instance keeps nothing decoded between calls.
    loaded.cache(false);
  }
  return loaded;
}

/** The photo re-encoded as a JPEG without metadata, turned upright, at most MAX_SIDE on its longest side. */
export async function cleanPhoto(bytes: Buffer, field?: string): Promise<Buffer> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('PHOTO.TOO_LARGE', undefined, field);
  if (!sniffImage(bytes)) throw new DomainError('PHOTO.BAD_TYPE', undefined, field);
  const sharp = loadSharp();
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' })
      // Upright by the EXIF orientation, before the EXIF (and the orientation with it) is dropped.
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: QUALITY })
      .timeout({ seconds: TIMEOUT_SECONDS })
      .toBuffer();
  } catch (e) {
    if (/pixel limit/i.test(String((e as Error)?.message ?? e))) throw new DomainError('PHOTO.TOO_MANY_PIXELS', undefined, field);
    throw new DomainError('PHOTO.UNREADABLE', undefined, field);
  }
}
