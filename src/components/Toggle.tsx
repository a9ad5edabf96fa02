import { Text, View } from '@tarojs/components';
import './components.scss';

/** A whole-row switch: the label, a hint, and a big on/off pill that says 开 or 关. */
export function Toggle({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <View
      className={`toggle${checked ? ' toggle--on' : ''}`}
      role='switch'
      aria-checked={checked}
      aria-label={label}
      hoverClass='toggle--pressed'
      onClick={() => onChange(!checked)}
    >
      <View className='toggle__text'>
        <Text className='toggle__label'>{label}</Text>
        {hint && <Text className='toggle__hint'>{hint}</Text>}
      </View>
      <View className='toggle__pill'>
        <View className='toggle__knob' />
        <Text className='toggle__state'>{checked ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
