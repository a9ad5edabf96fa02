/**
 * Pick any of a few, as big buttons (Choices picks one): each picked one filled and ticked, so what is
 * picked is told by the tick and the words, not by colour alone.
 */
import { Text, View } from '@tarojs/components';
import '../../components/components.scss';

export function Picks({ label, options, value, onChange }: { label: string; options: readonly string[]; value: readonly string[]; onChange: (v: string[]) => void }) {
  const flip = (o: string) => onChange(value.includes(o) ? value.filter((v) => v !== o) : [...value, o]);
  return (
    <View className='choices'>
      <Text className='field__label choices__label'>{label}</Text>
      <View className='choices__list choices__list--2' aria-label={label}>
        {options.map((o) => {
          const on = value.includes(o);
          return (
            <View
              key={o}
              className={`choices__item${on ? ' choices__item--on' : ''}`}
              role='checkbox'
              aria-checked={on}
              hoverClass='choices__item--pressed'
              onClick={() => flip(o)}
            >
              <Text className='choices__text'>{`${on ? '✓ ' : ''}${o}`}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
