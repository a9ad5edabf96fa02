/**
 * A check-in's history, oldest first: each change of status with its day, who made it and why — a
 * transfer out or withdrawal with the day it took effect. The record a member keeps when they move.
 */
import { Text, View } from '@tarojs/components';
import type { CheckinChangeView } from '../../core/api';
import { CHECKIN_ICON } from '../../components/CheckinChip';
import { formatWhen } from '../../utils/time';

const DOING: Record<CheckinChangeView['status'], string> = {
  pending: '提交报到',
  approved: '审核通过',
  returned: '退回',
  transferred_out: '转出',
  withdrawn: '撤回',
};

export function History({ changes }: { changes: CheckinChangeView[] }) {
  if (changes.length < 2) return null;
  return (
    <View className='card checkin-history'>
      <Text className='checkin-history__title'>报到记录</Text>
      {changes.map((h, i) => (
        <View key={i} className='checkin-history__item'>
          <Text className='checkin-history__what'>{`${CHECKIN_ICON[h.status]} ${DOING[h.status]}${h.by && h.status !== 'pending' ? `（${h.by.name}）` : ''}`}</Text>
          <Text className='checkin-history__when'>{h.date ? `${h.date} 起，${formatWhen(h.at)} 办理` : formatWhen(h.at)}</Text>
          {h.reason && <Text className='checkin-history__why'>{`原因：${h.reason}`}</Text>}
        </View>
      ))}
    </View>
  );
}
