/**
 * @jest-environment node
 *
 * The sign-up code as the phone draws it (src/lectures/qr.ts) is the same QR code the `qrcode` package
 * draws itself: both rasterised at one module a pixel and compared pixel by pixel, for texts of the
 * lengths the codes hold (each a plain byte segment: ours are ASCII).
 */
import QRCode from 'qrcode';
import sharp from 'sharp';
import { asciiBase64, qrDataUrl, qrSvg } from '../../../src/lectures/qr';

async function modules(svg: string, side: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 }).resize(side, side, { kernel: 'nearest' }).greyscale().threshold(128).raw().toBuffer();
}

describe('the sign-up code\'s QR drawing', () => {
  it.each([
    'jinlin:ticket:lec1:p1:ABCDEFGHJKMNPQRS',
    'jinlin:ticket:lx7k2m9p4qzt:pr8w3n5v0c1d:7Q2M9P4X3K8W5N1Z',
    'jinlin:venue:lx7k2m9p4qzt:9876543:ABCDEFGHJK',
  ])('draws %s module for module as the qrcode package does', async (text) => {
    const mine = qrSvg(text);
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(mine)![1]);
    // The same segment (bytes): the package left to itself would pick modes per run of characters.
    const bytes = Uint8ClampedArray.from(text, (c) => c.charCodeAt(0));
    const theirs = await QRCode.toString([{ data: bytes, mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    expect(await modules(mine, side)).toEqual(await modules(theirs, side));
  });

  it('hands <Image> a base64 SVG data URL', () => {
    for (const s of ['', 'a', 'ab', 'abc', qrSvg('x')]) expect(asciiBase64(s)).toBe(Buffer.from(s).toString('base64'));
    expect(Buffer.from(qrDataUrl('jinlin:ticket:a:b:c').split(',')[1], 'base64').toString()).toBe(qrSvg('jinlin:ticket:a:b:c'));
  });
});
