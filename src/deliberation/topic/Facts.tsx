/**
 * The topic itself: its phase in words, what it means for the reader now and when things happen, then
 * the facts — the place, who takes part, the parties at the table, who opened it — the background and
 * its photos. A withdrawn topic says why.
 */
import { Text, View } from '@tarojs/components';
import type { TopicView } from '../../core/api';
import { PhotoGrid } from '../../components/Photos';
import { PhaseChip } from '../Chip';
import { daysLine } from '../words';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='drow'>
      <Text className='drow__label'>{label}</Text>
      <Text className='drow__value'>{value}</Text>
    </View>
  );
}

export function Facts({ topic: t }: { topic: TopicView }) {
  return (
    <>
      <View className='card'>
        <PhaseChip topic={t} />
        <Text className='dlb__say dfacts__days'>{daysLine(t)}</Text>
        {t.withdrawnReason && <Text className='dopinion__hidden'>{`撤回的原因：${t.withdrawnReason}`}</Text>}
        <Row label='在哪里' value={t.trail} />
        <Row label='谁参加' value={t.audienceLabel} />
        {t.parties.length > 0 && <Row label='参与方' value={t.parties.join('、')} />}
        <Row label='发起人' value={t.openedBy.name} />
      </View>
      <View className='card'>
        <Text className='section-title'>议题背景</Text>
        <Text className='dtext'>{t.background}</Text>
        <PhotoGrid photos={t.photos} label='议题照片' />
      </View>
    </>
  );
}
