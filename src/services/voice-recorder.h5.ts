/**
 * The browser's recorder: the microphone's PCM (getUserMedia, an AudioContext and a
 * ScriptProcessorNode, which every WebView with a microphone has) encoded to MP3 as it arrives, in
 * the page, with @breezystack/lamejs. MediaRecorder would be simpler but writes webm/opus, which iOS
 * WeChat cannot play; MP3 plays everywhere, and the server takes nothing else from a browser. The
 * encoder (about 170 KB) is loaded only when someone first presses 按住说话.
 */
import { MIN_MS, NO_MICROPHONE, TOO_SHORT, VOICE_MS_MAX, type Recorded, type VoiceRecorder } from './recording';

export type { Recorded, Recording, VoiceRecorder } from './recording';

/** Mono speech: 64 kbps keeps a minute near 480 KB, well inside the server's 2 MB. */
const KBPS = 64;
const FRAME = 1152;

type Encoder = { encodeBuffer(pcm: Int16Array): Uint8Array; flush(): Uint8Array };
let lame: Promise<{ Mp3Encoder: new (channels: number, rate: number, kbps: number) => Encoder }> | null = null;
const loadLame = () => (lame ??= import(/* webpackChunkName: "lamejs" */ '@breezystack/lamejs'));

function toInt16(f: Float32Array): Int16Array {
  const out = new Int16Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const v = Math.max(-1, Math.min(1, f[i]));
    out[i] = v < 0 ? v * 0x8000 : v * 0x7fff;
  }
  return out;
}

export function createVoiceRecorder(): VoiceRecorder {
  let session: { finish: (how: 'stop' | 'cancel') => void } | null = null;
  // Released (or slid away) while the microphone was still being opened: ended as soon as it opens.
  let early: 'stop' | 'cancel' | null = null;
  return {
    async start(ended) {
      early = null;
      if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return NO_MICROPHONE;
      let stream: MediaStream;
      let Mp3Encoder: Awaited<ReturnType<typeof loadLame>>['Mp3Encoder'];
      try {
        [stream, { Mp3Encoder }] = await Promise.all([navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } }), loadLame()]);
      } catch (e) {
        // A refused microphone, or the encoder that did not load (the network dropped).
        return /NotAllowed|Permission|NotFound|Security/i.test(String((e as Error)?.name ?? e)) ? NO_MICROPHONE : '录音没能开始：请检查网络后再按住说话';
      }
      const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext: typeof AudioContext }).webkitAudioContext;
      const ctx = new Ctx();
      const source = ctx.createMediaStreamSource(stream);
      const node = ctx.createScriptProcessor(4096, 1, 1);
      const encoder = new Mp3Encoder(1, ctx.sampleRate, KBPS);
      const parts: Uint8Array[] = [];
      let pending = new Int16Array(0);
      let samples = 0;
      node.onaudioprocess = (ev) => {
        const pcm = toInt16(ev.inputBuffer.getChannelData(0));
        samples += pcm.length;
        // Whole MP3 frames at a time; the rest waits for the next buffer.
        const all = new Int16Array(pending.length + pcm.length);
        all.set(pending);
        all.set(pcm, pending.length);
        const whole = all.length - (all.length % FRAME);
        if (whole > 0) parts.push(encoder.encodeBuffer(all.subarray(0, whole)));
        pending = all.slice(whole);
      };
      source.connect(node);
      // A ScriptProcessor runs only while connected to the output; it writes nothing to it.
      node.connect(ctx.destination);
      if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
      const startedAt = Date.now();
      const limit = setTimeout(() => session?.finish('stop'), VOICE_MS_MAX);
      session = {
        finish(how) {
          session = null;
          clearTimeout(limit);
          node.onaudioprocess = null;
          source.disconnect();
          node.disconnect();
          stream.getTracks().forEach((t) => t.stop());
          void ctx.close().catch(() => undefined);
          if (how === 'cancel') return ended({ kind: 'cancelled' });
          const ms = Math.min(VOICE_MS_MAX, Date.now() - startedAt);
          if (ms < MIN_MS || samples === 0) return ended({ kind: 'failed', message: TOO_SHORT });
          if (pending.length) parts.push(encoder.encodeBuffer(pending));
          parts.push(encoder.flush());
          const blob = new Blob(parts as BlobPart[], { type: 'audio/mpeg' });
          const seconds = Math.min(60, Math.max(1, Math.round(samples / ctx.sampleRate)));
          const r: Recorded = { kind: 'done', recording: { path: URL.createObjectURL(blob), file: blob, size: blob.size, type: 'audio/mpeg', seconds } };
          ended(r);
        },
      };
      if (early) session.finish(early);
      return null;
    },
    stop() {
      if (session) session.finish('stop');
      else early = 'stop';
    },
    cancel() {
      if (session) session.finish('cancel');
      else early = 'cancel';
    },
  };
}
