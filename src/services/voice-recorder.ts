/**
 * Recording a voice note (按住说话). The platform recorders live in voice-recorder.weapp.ts
 * (WeChat's RecorderManager, which writes MP3 itself) and voice-recorder.h5.ts (the microphone's PCM
 * encoded to MP3 in the page: MediaRecorder's webm/opus does not play in iOS WeChat); Taro's build
 * picks the one for TARO_ENV, as it does the transport. This file is what type-checking and tests see.
 */
import type { VoiceRecorder } from './recording';

export type { Recorded, Recording, VoiceRecorder } from './recording';

export function createVoiceRecorder(): VoiceRecorder {
  return {
    async start() {
      return '此平台不能录音，请直接写文字';
    },
    stop() {},
    cancel() {},
  };
}
