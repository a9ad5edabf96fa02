/**
 * 议题发给谁: the one place when the caller has one (a building lead's building), else WeChat's list picker
 * over the places `mine` named (a branch secretary's compound and each of its buildings).
 */
import { Picker, Text, View } from '@tarojs/components';
import type { OpenablePlace } from '../../core/api';

export function PlaceRow({ places, value, onChange, error }: { places: OpenablePlace[]; value: string | null; onChange: (id: string) => void; error?: string }) {
  const at = places.findIndex((p) => p.id === value);
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className='field__head'>
        <Text className='field__label'>议题发给谁</Text>
        <Text className='field__hint'>这里的住户会收到消息，每户可以投一票</Text>
      </View>
      {places.length === 1 ? (
        <Text className='dform__place'>{places[0].label}</Text>
      ) : (
        <Picker className='dform__place-picker' mode='selector' range={places.map((p) => p.label)} value={Math.max(0, at)} onChange={(e) => onChange(places[Number(e.detail.value)].id)}>
          <View className='dform__row' role='button' aria-label={`议题发给谁：${at >= 0 ? places[at].label : '未选'}，点一下选择`} hoverClass='dform__row--pressed'>
            <Text className='dform__row-value'>{at >= 0 ? places[at].label : '请选择楼栋或小区'}</Text>
            <Text className='dform__row-change'>{at >= 0 ? '换一个 ›' : '选择 ›'}</Text>
          </View>
        </Picker>
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
