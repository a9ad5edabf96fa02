/**
 * 按住说话: a voice note for the report, for residents who type slowly or not at all. Hold the
 * button to record (up to 60 seconds, the seconds counting on it), release to keep it, slide up to
 * cancel, as WeChat's own voice messages work. A kept note is uploaded at once (the photos' way:
 * services/api.ts uploadPhoto), can be played back before sending, and deleted to record again.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { VoicePlayer } from '../../components/VoicePlayer';
import { uploadPhoto } from '../../services/api';
import { createVoiceRecorder, type Recorded, type VoiceRecorder } from '../../services/voice-recorder';
import '../../components/voice.scss';

/** How far up (px) a finger slides before releasing cancels, as in WeChat. */
const CANCEL_SLIDE = 60;
const MAX_SECONDS = 60;

type Phase = 'idle' | 'starting' | 'recording' | 'uploading' | 'kept';

export interface VoiceNoteState {
  phase: Phase;
  /** The uploaded note's reference, for the report's `voice`. */
  id: string | null;
  seconds: number;
  /** Where the kept note plays from on this device. */
  preview: string | null;
  message: string | null;
  /** Slid far enough up that releasing cancels. */
  cancelling: boolean;
  press: (y: number) => void;
  move: (y: number) => void;
  release: () => void;
  abort: () => void;
  remove: () => void;
}

export function useVoiceNote(): VoiceNoteState {
  const [phase, setPhase] = useState<Phase>('idle');
  const [id, setId] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [preview, setPreview] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const recorder = useRef<VoiceRecorder | null>(null);
  const startY = useRef(0);
  const slid = useRef(false);
  const ticker = useRef<ReturnType<typeof setInterval> | null>(null);
  const phaseNow = useRef(phase);
  phaseNow.current = phase;

  const stopTicker = () => {
    if (ticker.current) clearInterval(ticker.current);
    ticker.current = null;
  };
  useEffect(() => stopTicker, []);

  // False once the recording in hand has ended (it may end before start() answers: released at once).
  const live = useRef(false);

  // Promise chains, not async functions: the main package pays for every regenerator an async adds.
  const ended = (r: Recorded) => {
    live.current = false;
    stopTicker();
    setCancelling(false);
    if (r.kind !== 'done') {
      if (r.kind === 'failed') setMessage(r.message);
      return setPhase('idle');
    }
    setSeconds(r.recording.seconds);
    setPreview(r.recording.path);
    setPhase('uploading');
    void uploadPhoto(r.recording).then((up) => {
      if (!up.ok) {
        setMessage(up.message);
        setPreview(null);
        return setPhase('idle');
      }
      setId(up.data.id);
      setPhase('kept');
    });
  };

  const press = (y: number) => {
    if (phaseNow.current !== 'idle') return;
    startY.current = y;
    slid.current = false;
    setMessage(null);
    setSeconds(0);
    setPhase('starting');
    recorder.current ??= createVoiceRecorder();
    const began = Date.now();
    live.current = true;
    void recorder.current.start(ended).then((problem) => {
      if (problem) {
        live.current = false;
        setMessage(problem);
        return setPhase('idle');
      }
      if (!live.current) return;
      setPhase('recording');
      ticker.current = setInterval(() => setSeconds(Math.min(MAX_SECONDS, Math.floor((Date.now() - began) / 1000))), 250);
    });
  };

  const move = (y: number) => {
    const away = startY.current - y > CANCEL_SLIDE;
    if (away !== slid.current) {
      slid.current = away;
      setCancelling(away);
    }
  };

  const release = () => {
    if (!live.current) return;
    if (slid.current) recorder.current?.cancel();
    else recorder.current?.stop();
  };

  const abort = () => {
    if (live.current) recorder.current?.cancel();
  };

  const remove = () => {
    setId(null);
    setPreview(null);
    setSeconds(0);
    setMessage(null);
    setPhase('idle');
  };

  return { phase, id, seconds, preview, message, cancelling, press, move, release, abort, remove };
}

type Touches = { touches?: ArrayLike<{ clientY: number }>; changedTouches?: ArrayLike<{ clientY: number }> };
const yOf = (e: unknown) => (e as Touches).touches?.[0]?.clientY ?? (e as Touches).changedTouches?.[0]?.clientY ?? 0;

/** The form's voice part: the hold button, or the kept note with 试听 and 删除. */
export function VoiceNote({ state }: { state: VoiceNoteState }) {
  const { phase, seconds, cancelling } = state;
  const holding = phase === 'starting' || phase === 'recording';
  if ((phase === 'kept' || phase === 'uploading') && state.preview) {
    return (
      <View className='voice-note'>
        <Text className='voice-note__label'>语音</Text>
        <View className='voice-note__kept'>
          <VoicePlayer src={state.preview} seconds={seconds} label='试听语音' />
          <View className='voice-note__delete' role='button' onClick={state.remove}>
            <Text>删除重录</Text>
          </View>
        </View>
        <Text className='voice-note__status'>{phase === 'uploading' ? '语音上传中…' : '语音已录好，提交时一起发送'}</Text>
      </View>
    );
  }
  const said = !holding ? '按住说话' : cancelling ? '松开手指，取消录音' : `正在录音 ${seconds} 秒 · 松开发送`;
  return (
    <View className='voice-note'>
      <Text className='voice-note__label'>不方便打字？说给我们听</Text>
      <View
        className={`voice-note__hold${holding ? (cancelling ? ' voice-note__hold--cancel' : ' voice-note__hold--recording') : ''}`}
        role='button'
        aria-label='按住说话'
        onTouchStart={(e) => state.press(yOf(e))}
        onTouchMove={(e) => state.move(yOf(e))}
        onTouchEnd={state.release}
        onTouchCancel={state.abort}
        // No long-press menu or text selection while a finger rests on it.
        onLongPress={() => undefined}
      >
        <Text>{said}</Text>
      </View>
      <Text className={`voice-note__status${state.message ? ' field__error' : ''}`}>
        {state.message ?? (holding ? `最长 ${MAX_SECONDS} 秒，手指上滑可以取消` : `按住按钮说话，松开就录好了，最长 ${MAX_SECONDS} 秒`)}
      </Text>
    </View>
  );
}
