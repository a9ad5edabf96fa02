/**
 * The mini-program's recorder: WeChat's RecorderManager, writing MP3 (mono, 16 kHz, 48 kbps: a
 * minute is about 360 KB) and stopping by itself at 60 seconds. Only one recorder exists per app.
 */
import Taro from '@tarojs/taro';
import { MIN_MS, NO_MICROPHONE, TOO_SHORT, VOICE_MS_MAX, type Recorded, type VoiceRecorder } from './recording';

export type { Recorded, Recording, VoiceRecorder } from './recording';

export function createVoiceRecorder(): VoiceRecorder {
  const manager = Taro.getRecorderManager();
  let ended: ((r: Recorded) => void) | null = null;
  let cancelled = false;
  const finish = (r: Recorded) => {
    const tell = ended;
    ended = null;
    tell?.(r);
  };
  manager.onStop((res) => {
    if (cancelled) return finish({ kind: 'cancelled' });
    if (!res.tempFilePath || res.duration < MIN_MS) return finish({ kind: 'failed', message: TOO_SHORT });
    const seconds = Math.min(60, Math.max(1, Math.round(res.duration / 1000)));
    finish({ kind: 'done', recording: { path: res.tempFilePath, size: res.fileSize, type: 'audio/mpeg', seconds } });
  });
  manager.onError((e) => {
    const denied = /auth|permission|deny/i.test(String(e?.errMsg ?? ''));
    finish({ kind: 'failed', message: denied ? NO_MICROPHONE : '录音没有成功，请再按住说一次' });
  });
  return {
    // Not async: the main package pays for every regenerator an async function adds.
    start(onEnded) {
      ended = onEnded;
      cancelled = false;
      try {
        manager.start({ duration: VOICE_MS_MAX, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
        return Promise.resolve(null);
      } catch {
        ended = null;
        return Promise.resolve(NO_MICROPHONE);
      }
    },
    stop() {
      manager.stop();
    },
    cancel() {
      cancelled = true;
      manager.stop();
    },
  };
}
