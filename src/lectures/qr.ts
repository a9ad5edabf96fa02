/**
 * The attendee's sign-up code drawn as a QR code, on the phone: staff scan it with the mini-program's
 * scan button, which reads the text (ticketPayload) and sends it on; it opens no page, so it is a plain
 * QR code and not a mini-program code (those are drawn by WeChat's server, rate-limited, and only for
 * `scene`s of the codes aggregate). Drawn with the `qrcode` package the server draws local codes with —
 * its encoder alone (no canvas, no Buffer), so it runs in the mini-program and weighs on this subpackage
 * only — into an SVG an <Image> shows as a data URL.
 */
import { create } from 'qrcode/lib/core/qrcode';

/** Light modules around the code: scanners need a quiet zone of four. */
const QUIET = 4;

/** Bytes of ASCII text: the encoder's own text path needs TextEncoder, which the mini-program lacks. */
const asciiBytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);

/** The SVG of `text` (ASCII: what our codes hold) as a QR code; error correction M: the screen is clean, glare is not. */
export function qrSvg(text: string): string {
  const { modules } = create([{ data: asciiBytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = n + QUIET * 2;
  let path = '';
  // One horizontal run per stretch of dark modules in a row: a short path, drawn crisp at any size.
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const from = x;
      while (x < n && modules.get(y, x)) x++;
      path += `M${from + QUIET} ${y + QUIET}h${x - from}v1h${from - x}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#ffffff"/><path fill="#000000" d="${path}"/></svg>`
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of ASCII text (the mini-program has no btoa; the SVG above is ASCII only). */
export function asciiBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const bits = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(bits >> 18) & 63] + B64[(bits >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(bits >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[bits & 63]);
  }
  return out;
}

/** What an <Image src> takes: the QR code of `text` as an SVG data URL. */
export const qrDataUrl = (text: string) => `data:image/svg+xml;base64,${asciiBase64(qrSvg(text))}`;
