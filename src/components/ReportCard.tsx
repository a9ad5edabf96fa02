import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '../core/api';
import { formatDay } from '../utils/time';
import { deadlineSentence } from '../utils/report';
import { StatusChip } from './StatusChip';
import './components.scss';

/** One report in a list: what, where, when, how it stands. The whole card is the tap target. */
export function ReportCard({ report, audience, onOpen }: { report: ReportSummary; audience: 'resident' | 'handler'; onOpen: () => void }) {
  const deadline = audience === 'handler' ? deadlineSentence(report, 'handler') : null;
  return (
    <View className={`rcard${report.overdue ? ' rcard--overdue' : ''}`} hoverClass='rcard--pressed' onClick={onOpen}>
      <View className='rcard__top'>
        <Text className='rcard__icon'>{report.icon}</Text>
        <Text className='rcard__cat'>{report.categoryName}</Text>
        <StatusChip status={report.status} label={report.statusLabel} />
      </View>
      <Text className='rcard__desc'>{report.description}</Text>
      <Text className='rcard__meta'>
        {report.place} · {formatDay(report.createdAt)}
      </Text>
      {report.urgent && <Text className='badge-urgent rcard__flag'>紧急</Text>}
      {report.overdue && <Text className='rcard__overdue'>⚠ 已超时</Text>}
      {!report.overdue && report.dueSoon && audience === 'handler' && <Text className='rcard__soon'>⏰ 快到期了</Text>}
      {deadline && <Text className='rcard__deadline'>{deadline}</Text>}
    </View>
  );
}
