import { Text, View } from '@tarojs/components';

export type Tab = 'posted' | 'claimed';

/** 我许的 / 我认领的: two big tabs, the chosen one ticked and filled (not told by colour alone), each with its count. */
export function Tabs({ tab, counts, onChange }: { tab: Tab; counts: Record<Tab, number>; onChange: (t: Tab) => void }) {
  const items: { value: Tab; label: string }[] = [
    { value: 'posted', label: '我许的' },
    { value: 'claimed', label: '我认领的' },
  ];
  return (
    <View className='wtabs' role='tablist'>
      {items.map((t) => {
        const on = t.value === tab;
        return (
          <View key={t.value} className={`wtabs__tab${on ? ' wtabs__tab--on' : ''}`} role='tab' aria-selected={on} hoverClass='wtabs__tab--pressed' onClick={() => onChange(t.value)}>
            <Text className='wtabs__label'>{`${on ? '✓ ' : ''}${t.label}（${counts[t.value]}）`}</Text>
          </View>
        );
      })}
    </View>
  );
}
