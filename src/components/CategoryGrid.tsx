import { Text, View } from '@tarojs/components';
import type { Category } from '../core/reports/categories';
import './components.scss';

/** Big tiles, two to a row: the picture first, the name below, 紧急 where it is urgent; the picked one ticked. */
export function CategoryGrid({ categories, value, onPick }: { categories: Category[]; value?: string | null; onPick: (c: Category) => void }) {
  return (
    <View className='cats' aria-label='反映类别'>
      {categories.map((c) => (
        <View
          key={c.code}
          className={`cats__tile${value === c.code ? ' cats__tile--on' : ''}`}
          hoverClass='cats__tile--pressed'
          aria-label={c.name}
          onClick={() => onPick(c)}
        >
          {c.urgent && <Text className='badge-urgent cats__urgent'>紧急</Text>}
          <Text className='cats__icon'>{c.icon}</Text>
          {/* Picked: ticked in words as well as edged in red. */}
          <Text className='cats__name'>{value === c.code ? `✓ ${c.name}` : c.name}</Text>
        </View>
      ))}
    </View>
  );
}
