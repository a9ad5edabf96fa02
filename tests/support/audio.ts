/**
 * Voice notes made by hand for the action, function and server tests: an MP3 of MPEG-1 layer III
 * frames (128 kbps, 44.1 kHz: 417 bytes and 26.1 ms each) of silence, as long as asked, and a webm
 * header such as Chromium's MediaRecorder writes (refused).
 */
const FRAME_BYTES = 417;
const FRAME_S = 1152 / 44100;

export function mp3Of(seconds: number): Buffer {
  const frames = Math.round(seconds / FRAME_S);
  const out = Buffer.alloc(frames * FRAME_BYTES);
  for (let i = 0; i < frames; i++) out.set([0xff, 0xfb, 0x90, 0x64], i * FRAME_BYTES);
  return out;
}

export const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(60)]);
