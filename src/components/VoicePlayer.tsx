/**
 * Plays a report's voice note: one big button, "▶ 播放语音 12 秒" / "■ 停止播放 · 5 秒" while it plays.
 * Taro.createInnerAudioContext is WeChat's player in the mini-program (it loads a cloud fileID
 * itself) and an HTML audio element in the browser build, so one component serves both.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './voice.scss';

interface Props {
  src: string;
  seconds: number;
  /** What a screen reader and the button say before the length, e.g. "播放语音" or "试听". */
  label?: string;
}

export function VoicePlayer({ src, seconds, label = '播放语音' }: Props) {
  const [playing, setPlaying] = useState(false);
  const [at, setAt] = useState(0);
  const [failed, setFailed] = useState(false);
  const player = useRef<Taro.InnerAudioContext | null>(null);

  useEffect(
    () => () => {
      player.current?.destroy();
      player.current = null;
    },
    [src],
  );

  const toggle = () => {
    if (playing) {
      player.current?.stop();
      setPlaying(false);
      return;
    }
    setFailed(false);
    if (!player.current) {
      const p = Taro.createInnerAudioContext();
      // Plays even when the phone is on silent: a resident asked to listen means to hear it.
      p.obeyMuteSwitch = false;
      p.src = src;
      p.onTimeUpdate(() => setAt(Math.floor(p.currentTime)));
      p.onEnded(() => {
        setPlaying(false);
        setAt(0);
      });
      p.onStop(() => setPlaying(false));
      p.onError(() => {
        setPlaying(false);
        setFailed(true);
      });
      player.current = p;
    }
    player.current.play();
    setPlaying(true);
  };

  return (
    <View className='voice-player'>
      <View className={`voice-player__button${playing ? ' voice-player__button--playing' : ''}`} role='button' aria-label={`${label} ${seconds} 秒`} onClick={toggle}>
        <Text className='voice-player__icon'>{playing ? '■' : '▶'}</Text>
        <Text className='voice-player__text'>{playing ? `停止播放 · ${at} 秒` : `${label} ${seconds} 秒`}</Text>
      </View>
      {failed && <Text className='field__error'>语音没能播放，请检查网络后再点一次</Text>}
    </View>
  );
}
