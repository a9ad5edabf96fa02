/**
 * Real images for the photo tests, drawn with sharp itself: a phone photo with the GPS position of
 * the resident's home in its EXIF, and the forged or broken files an intruder (or a bad network)
 * sends instead of a photo.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';

/** Where the test resident lives: the kind of tags a phone camera writes. */
export const HOME_GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '31/1 13/1 4/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '121/1 28/1 10/1',
};

/** A JPEG as a phone writes it: EXIF with the camera, the GPS position and (optionally) an orientation. */
export async function phoneJpeg(opts: { width?: number; height?: number; orientation?: number } = {}): Promise<Buffer> {
  const { width = 64, height = 48, orientation } = opts;
  let img = sharp({ create: { width, height, channels: 3, background: '#c0392b' } }).withExif({ IFD0: { Make: 'PhoneCo', Model: 'P1' }, IFD3: HOME_GPS });
  if (orientation) img = img.withMetadata({ orientation });
  return img.jpeg({ quality: 90 }).toBuffer();
}

export async function png(opts: { width?: number; height?: number; alpha?: boolean } = {}): Promise<Buffer> {
  const { width = 32, height = 32, alpha = false } = opts;
  const background = alpha ? { r: 0, g: 0, b: 255, alpha: 0.3 } : '#2980b9';
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background } }).png().toBuffer();
}

/** A valid 12 KB PNG that decodes to 100 megapixels (black and white, all black): a decompression bomb. */
export function pixelBomb(side = 10_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // one bit per pixel, greyscale
  const rows = Buffer.alloc(side * (1 + Math.ceil(side / 8)));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a header sniffer takes for an image and a decoder does not. */
export async function forgeries(): Promise<Record<string, Buffer>> {
  const whole = await png({ width: 64, height: 64 });
  const jpeg = await phoneJpeg();
  return {
    'a truncated PNG': whole.subarray(0, Math.floor(whole.length / 2)),
    'the 8-byte PNG signature alone': whole.subarray(0, 8),
    'ff d8 ff followed by HTML': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<html><script>alert(document.cookie)</script></html>')]),
    'a truncated JPEG': jpeg.subarray(0, jpeg.length - 100),
  };
}

/** What sharp reads back from stored bytes. */
export const inspect = (bytes: Buffer) => sharp(bytes).metadata();
