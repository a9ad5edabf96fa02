/**
 * A report's voice note (语音): what is kept, and what makes bytes a voice note we keep. The type is
 * told by the bytes, never by a file's name or the type a client claims, and the length is measured
 * from the bytes too (frames of an MP3 or AAC stream, the movie header of an M4A): a client that says
 * "30 seconds" of a ten-minute file is not believed.
 *
 * Only formats every WeChat client and browser plays: MP3 (the mini-program's recorder, and the h5
 * build's own encoder), AAC and M4A (the recorder's other formats). Chromium's MediaRecorder writes
 * webm/opus, which iOS WeChat cannot play: it is refused here, and the h5 build encodes MP3 instead.
 */
import { DomainError, type ErrorCode } from '../errors';

export const VOICE_SECONDS_MAX = 60;
/** 60 s of 128 kbps is about 1 MB; twice that leaves room for a higher bit rate, never for a song. */
export const VOICE_BYTES_MAX = 2 * 1024 * 1024;
/** Recorders stop at 60 000 ms, and the last encoded frame may reach a little past it. */
const SECONDS_TOLERANCE = 1;

export const VOICE_TYPES = ['audio/mpeg', 'audio/aac', 'audio/mp4'] as const;
export type VoiceType = (typeof VOICE_TYPES)[number];
export const VOICE_EXT: Record<VoiceType, string> = { 'audio/mpeg': 'mp3', 'audio/aac': 'aac', 'audio/mp4': 'm4a' };

/** The voice note a report keeps. */
export interface Voice {
  /** The stored file's reference (a local id, or a cloud fileID), like a photo's. */
  file: string;
  seconds: number;
  size: number;
  type: VoiceType;
  /** What a handler or staff typed after listening (reports.describe); null until then. */
  heard?: string | null;
}

/** "语音 12 秒": how a voice-only report's words read in lists and notices. */
export const voiceLabel = (v: Pick<Voice, 'seconds'>) => `语音 ${v.seconds} 秒`;

/** Bytes after an ID3v2 tag (MP3 files often start with one), or 0 when there is none. */
function id3Length(b: Uint8Array): number {
  if (b.length < 10 || b[0] !== 0x49 || b[1] !== 0x44 || b[2] !== 0x33) return 0;
  // Sizes are "syncsafe": 7 bits a byte.
  const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
  const footer = b[5] & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** The M4A brands a phone's recorder writes; other MP4 brands are video. */
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'mp41', 'isom', 'iso2']);

const isAdts = (b: Uint8Array, at: number) => at + 7 <= b.length && b[at] === 0xff && (b[at + 1] & 0xf6) === 0xf0;
/** MPEG audio layer III (what "MP3" is): sync, a known version, layer bits 01. */
const isMp3Frame = (b: Uint8Array, at: number) => at + 4 <= b.length && b[at] === 0xff && (b[at + 1] & 0xe0) === 0xe0 && ((b[at + 1] >> 3) & 3) !== 1 && ((b[at + 1] >> 1) & 3) === 1;

/** The type the first bytes say, or null for anything that is not one of ours. */
export function sniffAudio(b: Uint8Array): VoiceType | null {
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') return M4A_BRANDS.has(ascii(b, 8, 4)) ? 'audio/mp4' : null;
  const at = id3Length(b);
  if (isMp3Frame(b, at)) return 'audio/mpeg';
  if (isAdts(b, at)) return 'audio/aac';
  return null;
}

const MP3_KBPS = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
const AAC_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Seconds of an MP3 stream, counted frame by frame (right for variable bit rates too); null if no frame is whole. */
function mp3Seconds(b: Uint8Array): number | null {
  let at = id3Length(b);
  let seconds = 0;
  let frames = 0;
  while (isMp3Frame(b, at)) {
    const version = (b[at + 1] >> 3) & 3;
    const kbps = (version === 3 ? MP3_KBPS.v1 : MP3_KBPS.v2)[b[at + 2] >> 4];
    const rate = MP3_RATES[version][(b[at + 2] >> 2) & 3];
    if (!kbps || !rate) break;
    const padding = (b[at + 2] >> 1) & 1;
    const samples = version === 3 ? 1152 : 576;
    const length = Math.floor(((samples / 8) * kbps * 1000) / rate) + padding;
    if (at + length > b.length) break;
    seconds += samples / rate;
    frames += 1;
    at += length;
  }
  return frames > 0 ? seconds : null;
}

/** Seconds of an ADTS AAC stream: 1024 samples a raw block. */
function aacSeconds(b: Uint8Array): number | null {
  let at = id3Length(b);
  let seconds = 0;
  let frames = 0;
  while (isAdts(b, at)) {
    const rate = AAC_RATES[(b[at + 2] >> 2) & 0xf];
    const length = ((b[at + 3] & 3) << 11) | (b[at + 4] << 3) | (b[at + 5] >> 5);
    if (!rate || length < 7 || at + length > b.length) break;
    seconds += (((b[at + 6] & 3) + 1) * 1024) / rate;
    frames += 1;
    at += length;
  }
  return frames > 0 ? seconds : null;
}

const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];

/** The box of `type` among the boxes in [from, to), as [start of its content, its end]. */
function box(b: Uint8Array, from: number, to: number, type: string): [number, number] | null {
  let at = from;
  while (at + 8 <= to) {
    const size = u32(b, at);
    if (size < 8 || at + size > to) return null;
    if (ascii(b, at + 4, 4) === type) return [at + 8, at + size];
    at += size;
  }
  return null;
}

/** Seconds of an M4A from moov/mvhd's duration and time scale. */
function m4aSeconds(b: Uint8Array): number | null {
  const moov = box(b, 0, b.length, 'moov');
  const mvhd = moov && box(b, moov[0], moov[1], 'mvhd');
  if (!mvhd) return null;
  const [at, end] = mvhd;
  const v1 = b[at] === 1;
  const scaleAt = at + (v1 ? 20 : 12);
  if (scaleAt + (v1 ? 12 : 8) > end) return null;
  const scale = u32(b, scaleAt);
  const duration = v1 ? u32(b, scaleAt + 4) * 2 ** 32 + u32(b, scaleAt + 8) : u32(b, scaleAt + 4);
  return scale > 0 ? duration / scale : null;
}

/** How long the note plays, measured from its bytes; null when it cannot be read as its type. */
export function audioSeconds(b: Uint8Array, type: VoiceType): number | null {
  if (type === 'audio/mpeg') return mp3Seconds(b);
  if (type === 'audio/aac') return aacSeconds(b);
  return m4aSeconds(b);
}

/** What is wrong with these bytes as a voice note, or null; nothing is decoded past the headers. */
export function voiceProblem(b: Uint8Array): ErrorCode | null {
  if (b.length > VOICE_BYTES_MAX) return 'VOICE.TOO_LARGE';
  const type = sniffAudio(b);
  if (!type) return 'VOICE.BAD_TYPE';
  const seconds = audioSeconds(b, type);
  if (seconds === null || seconds <= 0) return 'VOICE.UNREADABLE';
  if (seconds > VOICE_SECONDS_MAX + SECONDS_TOLERANCE) return 'VOICE.TOO_LONG';
  return null;
}

/**
 * The voice note these bytes make (without its file reference), or a VOICE.* refusal. Seconds are
 * whole and at least 1: a tap that recorded a fraction of a second still plays as "1 秒".
 */
export function readVoice(b: Uint8Array, field = 'voice'): Omit<Voice, 'file'> {
  const problem = voiceProblem(b);
  if (problem) throw new DomainError(problem, undefined, field);
  const type = sniffAudio(b)!;
  const seconds = Math.min(VOICE_SECONDS_MAX, Math.max(1, Math.round(audioSeconds(b, type)!)));
  return { seconds, size: b.length, type, heard: null };
}
