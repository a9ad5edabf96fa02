/**
 * 投票选项: 2 to 8 boxes, each with its own 删除 (while more than two are left) and 添加选项 under them
 * (while fewer than eight). Each box is named by its number so a screen reader says which one it is.
 */
import { Input, Text, View } from '@tarojs/components';
import { TOPIC_OPTIONS_MAX, TOPIC_OPTIONS_MIN } from '../../core/deliberation';
import { OPTION_MAX } from './form';

export function Options({ options, onChange, error }: { options: string[]; onChange: (options: string[]) => void; error?: string }) {
  const put = (i: number, v: string) => onChange(options.map((o, j) => (j === i ? v : o)));
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className='field__head'>
        <Text className='field__label'>投票选项</Text>
        <Text className='field__hint'>{`${TOPIC_OPTIONS_MIN} 到 ${TOPIC_OPTIONS_MAX} 个，每户选一个`}</Text>
      </View>
      {options.map((o, i) => (
        <View key={i} className='dform__option'>
          <Text className='dform__option-no'>{`${i + 1}.`}</Text>
          <Input className='field__input dform__option-input' value={o} maxlength={OPTION_MAX} placeholder={`选项 ${i + 1}`} aria-label={`选项 ${i + 1}`} onInput={(e) => put(i, e.detail.value)} />
          {options.length > TOPIC_OPTIONS_MIN && (
            <View className='dform__remove' role='button' aria-label={`删除选项 ${i + 1}`} hoverClass='dform__remove--pressed' onClick={() => onChange(options.filter((_, j) => j !== i))}>
              <Text>删除</Text>
            </View>
          )}
        </View>
      ))}
      {options.length < TOPIC_OPTIONS_MAX && (
        <View className='dform__add' role='button' hoverClass='dform__add--pressed' onClick={() => onChange([...options, ''])}>
          <Text>＋ 添加选项</Text>
        </View>
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
