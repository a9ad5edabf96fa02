import { Text, View } from '@tarojs/components';
import './components.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** Pick one of a few, as big buttons; the picked one is filled and ticked. */
export function Choices<T extends string>({
  label,
  options,
  value,
  onChange,
  columns = 1,
  error,
}: {
  label?: string;
  options: Choice<T>[];
  value: T | null;
  onChange: (v: T) => void;
  columns?: 1 | 2 | 3;
  error?: string | null;
}) {
  return (
    <View className='choices'>
      {label && <Text className='field__label choices__label'>{label}</Text>}
      <View className={`choices__list choices__list--${columns}`} aria-label={label}>
        {options.map((o) => {
          const on = o.value === value;
          return (
            <View
              key={o.value}
              className={`choices__item${on ? ' choices__item--on' : ''}`}
              aria-selected={on}
              hoverClass='choices__item--pressed'
              onClick={() => onChange(o.value)}
            >
              <Text className='choices__text'>
                {on ? '✓ ' : ''}
                {o.label}
              </Text>
              {o.hint && <Text className='choices__hint'>{o.hint}</Text>}
            </View>
          );
        })}
      </View>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
