/**
 * A topic's decision and minutes (决定和会议纪要): what will be done, how and when it was decided, who
 * attended, the minutes, and, when it changed the compound's 公约, which version and the way to it.
 */
import { Text, View } from '@tarojs/components';
import type { DecisionView } from '../core/api';
import { decidedHow } from './words';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='drow'>
      <Text className='drow__label'>{label}</Text>
      <Text className='drow__value'>{value}</Text>
    </View>
  );
}

export function Decision({ decision: d, onRules }: { decision: DecisionView; onRules?: (() => void) | null }) {
  return (
    <View className='card ddecision'>
      <Text className='section-title'>✓ 决定</Text>
      <Text className='ddecision__text'>{d.text}</Text>
      {d.option && <Row label='采纳' value={d.option} />}
      <Row label='怎么决定' value={decidedHow(d)} />
      {d.attendees && <Row label='参会' value={d.attendees} />}
      {d.rulesVersion !== null && <Row label='公约' value={`因此修改了小区公约（第 ${d.rulesVersion} 版）`} />}
      {d.minutes && (
        <>
          <Text className='ddecision__minutes'>会议纪要</Text>
          <Text className='dtext'>{d.minutes}</Text>
        </>
      )}
      {d.rulesVersion !== null && onRules && (
        <View className='dlb__links'>
          <View className='dlb__link' role='link' hoverClass='dlb__link--pressed' onClick={onRules}>
            <Text>查看小区公约 ›</Text>
          </View>
        </View>
      )}
    </View>
  );
}
