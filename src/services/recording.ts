/** What a voice recorder answers (voice-recorder.ts and its platform files), and its limits. */
import type { LocalPhoto } from './types';

/** The longest note, as core/reports/voice.ts allows it. */
export const VOICE_MS_MAX = 60_000;

/** A finished recording, before it is uploaded: uploads go the photos' way (api.ts uploadPhoto). */
export interface Recording extends LocalPhoto {
  type: 'audio/mpeg';
  /** Whole seconds, at least 1. */
  seconds: number;
}

/** How a recording ended: kept, cancelled (slid away, too short), or failed with a sentence to show. */
export type Recorded = { kind: 'done'; recording: Recording } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface VoiceRecorder {
  /**
   * Starts recording; `ended` is told once how it ended: released (stop), slid away (cancel), or
   * stopped by itself at 60 seconds. Answers a sentence when it could not start (no microphone, no
   * permission), else null.
   */
  start(ended: (r: Recorded) => void): Promise<string | null>;
  stop(): void;
  cancel(): void;
}

export const NO_MICROPHONE = '没能打开麦克风：请允许近邻使用麦克风后再按住说话，或直接写文字';
export const TOO_SHORT = '说话时间太短，请按住按钮说完再松开';
/** Notes shorter than this are a slip of the finger, not a report. */
export const MIN_MS = 1000;
