/** One of 我的服务记录: what, when and how long, for whom, and its state — ⏳ 待确认, ✓ 已确认 +N, ✕ 未通过 with the reason. */
import { Text, View } from '@tarojs/components';
import type { ServiceRecordView } from '../../core/api';
import { Chip } from '../Chip';
import { dayWords, durationWords, serviceChip } from '../words';

export function RecordItem({ record: r, now = Date.now() }: { record: ServiceRecordView; now?: number }) {
  return (
    <View className='card service-record'>
      <Text className='service-record__what'>{r.what}</Text>
      <Text className='points__line'>{`${dayWords(r.date, now)}，${durationWords(r.minutes)}${r.forWhom ? `，为${r.forWhom}` : ''}`}</Text>
      <View className='points__chips'>
        <Chip {...serviceChip(r)} />
      </View>
      {r.status === 'pending' && (
        <Text className='points__line'>{r.pointsIfConfirmed !== null && r.pointsIfConfirmed > 0 ? `社区确认后可得 ${r.pointsIfConfirmed} 积分` : '等社区工作人员确认'}</Text>
      )}
      {r.status === 'rejected' && r.rejectReason && <Text className='points__line'>{`原因：${r.rejectReason}`}</Text>}
    </View>
  );
}
