import {
  DEFAULT_POLICY,
  DomainError,
  VOICE_BYTES_MAX,
  audioSeconds,
  describeVoice,
  officialCalendar,
  readVoice,
  sniffAudio,
  voiceProblem,
  type Act,
  type Report,
} from '../../../src/core';

/** Bytes made by hand, so each case says exactly what it holds. */
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));

/** An MPEG-1 layer III frame at 128 kbps, 44.1 kHz: 417 bytes, 1152 samples (26.1 ms). */
const mp3Frame = () => {
  const f = new Uint8Array(417);
  f.set([0xff, 0xfb, 0x90, 0x64]);
  return f;
};
const mp3 = (frames: number, prefix: Uint8Array = new Uint8Array(0)) => {
  const out = new Uint8Array(prefix.length + frames * 417);
  out.set(prefix);
  for (let i = 0; i < frames; i++) out.set(mp3Frame(), prefix.length + i * 417);
  return out;
};
const FRAME_S = 1152 / 44100;
const framesFor = (seconds: number) => Math.round(seconds / FRAME_S);
/** An ID3v2.3 tag with a 20-byte body (a title), as phone recorders write before the frames. */
const id3 = bytes('ID3', [3, 0, 0, 0, 0, 0, 20], new Uint8Array(20));

/** An ADTS AAC-LC frame, 44.1 kHz mono, `length` bytes long with its 7-byte header: 1024 samples. */
const adtsFrame = (length = 200) => {
  const f = new Uint8Array(length);
  f.set([0xff, 0xf1, 0x50, 0x40 | ((length >> 11) & 3), (length >> 3) & 0xff, ((length & 7) << 5) | 0x1f, 0xfc]);
  return f;
};
const aac = (frames: number) => {
  const out = new Uint8Array(frames * 200);
  for (let i = 0; i < frames; i++) out.set(adtsFrame(), i * 200);
  return out;
};

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
/** An M4A: its ftyp box, then moov with an mvhd (version 0) saying `duration` in `scale` units. */
const m4a = (brand: string, scale: number, duration: number) => {
  const mvhd = bytes(u32(8 + 100), 'mvhd', [0, 0, 0, 0], u32(0), u32(0), u32(scale), u32(duration), new Uint8Array(80));
  return bytes(u32(20), 'ftyp', brand, u32(0), brand, u32(8 + mvhd.length), 'moov', mvhd);
};

describe('voice notes: what the bytes are', () => {
  it.each([
    ['an MP3 frame', mp3(3), 'audio/mpeg'],
    ['an MP3 behind an ID3 tag', mp3(3, id3), 'audio/mpeg'],
    ['an ADTS AAC frame', aac(2), 'audio/aac'],
    ['an M4A from a phone recorder', m4a('M4A ', 1000, 5000), 'audio/mp4'],
    ['an MP4 of the isom brand', m4a('isom', 1000, 5000), 'audio/mp4'],
    ['webm/opus from MediaRecorder', bytes([0x1a, 0x45, 0xdf, 0xa3], new Uint8Array(40)), null],
    ['a WAV file', bytes('RIFF', u32(100), 'WAVE', new Uint8Array(40)), null],
    ['an MP4 video brand', m4a('avc1', 1000, 5000), null],
    ['MPEG layer II (not MP3)', bytes([0xff, 0xfd, 0x90, 0x64], new Uint8Array(40)), null],
    ['a JPEG named .mp3', bytes([0xff, 0xd8, 0xff, 0xe0], new Uint8Array(40)), null],
    ['an ID3 tag with nothing behind it', id3, null],
    ['nothing', new Uint8Array(0), null],
  ])('%s → %s', (_name, b, type) => {
    expect(sniffAudio(b)).toBe(type);
  });
});

describe('voice notes: how long they play, measured from the bytes', () => {
  it.each([
    ['MP3, frame by frame', mp3(framesFor(12)), 'audio/mpeg' as const, 12],
    ['MP3 behind an ID3 tag', mp3(framesFor(3), id3), 'audio/mpeg' as const, 3],
    ['ADTS AAC, 1024 samples a frame', aac(Math.round((5 * 44100) / 1024)), 'audio/aac' as const, 5],
    ['M4A from its movie header', m4a('M4A ', 44100, 44100 * 30), 'audio/mp4' as const, 30],
  ])('%s', (_name, b, type, seconds) => {
    expect(audioSeconds(b, type)).toBeCloseTo(seconds, 0);
  });

  it('stops at the first frame that is not whole: a cut-off file counts what plays', () => {
    const cut = mp3(10).subarray(0, 417 * 4 + 100);
    expect(audioSeconds(cut, 'audio/mpeg')).toBeCloseTo(4 * FRAME_S, 5);
  });

  it('answers null for an M4A without a movie header', () => {
    expect(audioSeconds(bytes(u32(20), 'ftyp', 'M4A ', u32(0), 'M4A '), 'audio/mp4')).toBeNull();
  });
});

describe('voice notes: the caps', () => {
  it.each([
    ['a 1-second MP3', mp3(framesFor(1)), null],
    ['60 seconds exactly', mp3(framesFor(60)), null],
    ['60.5 seconds (the recorder\'s last frame)', mp3(framesFor(60.5)), null],
    ['62 seconds', mp3(framesFor(62)), 'VOICE.TOO_LONG'],
    ['a 2-minute M4A, small as it is', m4a('M4A ', 1000, 120_000), 'VOICE.TOO_LONG'],
    ['over 2 MB', new Uint8Array(VOICE_BYTES_MAX + 1).fill(0xff), 'VOICE.TOO_LARGE'],
    ['webm/opus', bytes([0x1a, 0x45, 0xdf, 0xa3], new Uint8Array(40)), 'VOICE.BAD_TYPE'],
    ['a frame header with nothing whole behind it', bytes([0xff, 0xfb, 0x90, 0x64], new Uint8Array(20)), 'VOICE.UNREADABLE'],
    ['an M4A of zero seconds', m4a('M4A ', 1000, 0), 'VOICE.UNREADABLE'],
  ])('%s → %s', (_name, b, problem) => {
    expect(voiceProblem(b)).toBe(problem);
  });

  it('keeps whole seconds, at least 1, with the size and the type the bytes say', () => {
    expect(readVoice(mp3(framesFor(12.4)))).toEqual({ seconds: 12, size: framesFor(12.4) * 417, type: 'audio/mpeg', heard: null });
    expect(readVoice(mp3(3)).seconds).toBe(1);
  });

  it('refuses with the code and the field, so the form can say which part is wrong', () => {
    expect(() => readVoice(mp3(framesFor(70)))).toThrow(expect.objectContaining({ code: 'VOICE.TOO_LONG', field: 'voice' }));
    expect(() => readVoice(bytes('not audio at all'))).toThrow(DomainError);
  });
});

describe('what a handler heard (describeVoice)', () => {
  const act: Act = { cal: officialCalendar, policy: DEFAULT_POLICY, now: 1_000, actorId: 'p_handler', newId: () => 'evt_1' };
  const report = (patch: Partial<Report>): Report =>
    ({ id: 'rep_1', status: 'submitted', level: 'building', description: '', voice: { file: 'voc_a', seconds: 9, size: 9000, type: 'audio/mpeg', heard: null }, ...patch }) as Report;

  it('becomes the description of a voice-only report, and is on the timeline', () => {
    const { report: r, entries } = describeVoice(act, report({}), '3单元电梯停在5楼');
    expect(r.description).toBe('3单元电梯停在5楼');
    expect(r.voice?.heard).toBe('3单元电梯停在5楼');
    expect(entries).toEqual([expect.objectContaining({ type: 'describe', actorId: 'p_handler', note: '3单元电梯停在5楼' })]);
  });

  it('corrects what was heard before, but never the resident\'s own words', () => {
    const heard = describeVoice(act, report({}), '电梯坏了').report;
    expect(describeVoice(act, heard, '3单元电梯坏了').report.description).toBe('3单元电梯坏了');
    const typed = describeVoice(act, report({ description: '电梯又坏了' }), '3单元电梯停在5楼').report;
    expect(typed.description).toBe('电梯又坏了');
    expect(typed.voice?.heard).toBe('3单元电梯停在5楼');
  });

  it('is refused on a report without a voice note, or one that is over', () => {
    expect(() => describeVoice(act, report({ voice: null }), '电梯')).toThrow(expect.objectContaining({ code: 'VOICE.NONE' }));
    expect(() => describeVoice(act, report({ status: 'closed' }), '电梯')).toThrow(expect.objectContaining({ code: 'REPORT.NOT_ALLOWED' }));
  });
});
