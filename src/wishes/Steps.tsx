import { Text, View } from '@tarojs/components';
import type { WishView } from '../core/api';
import { formatWhen } from '../utils/time';
import { stepsOf } from './words';

const MARK = { done: '✓', now: '→', todo: '○', stopped: '✕' } as const;
const SAY = { done: '', now: '（现在）', todo: '', stopped: '' } as const;

/** 提交 → 审核 → 认领 → 实现 → 确认: each step with a mark and its word, the one it waits at said so. */
export function WishSteps({ wish }: { wish: WishView }) {
  return (
    <View className='card'>
      <Text className='section-title'>心愿进展</Text>
      <View className='wsteps' aria-label='心愿进展'>
        {stepsOf(wish).map((s) => (
          <View key={s.label} className={`wsteps__item wsteps__item--${s.state}`}>
            <Text className='wsteps__mark'>{MARK[s.state]}</Text>
            <View className='wsteps__body'>
              <Text className='wsteps__label'>{`${s.label}${SAY[s.state]}`}</Text>
              {s.when !== null && s.state === 'done' && <Text className='wsteps__when'>{formatWhen(s.when)}</Text>}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
