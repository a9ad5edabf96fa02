/**
 * The visit recorded: what was kept, and the report filed on it (to whom, by when). One main action:
 * back to 我的联户; the report can be opened to follow it.
 */
import { Text, View } from '@tarojs/components';
import type { PairingView, ReportDetail, VisitView } from '../../core/api';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import { deadlineSentence } from '../../utils/report';
import { dayWords, householdLabel } from '../words';
import { handledBy } from './HelpReport';

interface Props {
  pairing: PairingView;
  visit: VisitView;
  report: ReportDetail | null;
  onBack: () => void;
  onReport: (id: string) => void;
}

export function Done({ pairing, visit, report, onBack, onReport }: Props) {
  const due = report ? deadlineSentence(report, 'resident') : null;
  return (
    <Screen className='pairings visit-done'>
      <Text className='pairings__title page-title'>✓ 走访已记录</Text>
      <View className='card'>
        <Text className='household__where trail'>{householdLabel(pairing)}</Text>
        <Text className='household__line'>{`${dayWords(visit.date)}走访`}</Text>
        <Text className='visit-done__text'>{`做了什么：${visit.done}`}</Text>
        {visit.needs && <Text className='visit-done__text'>{`需要什么：${visit.needs}`}</Text>}
      </View>
      {report && (
        <View className='card'>
          <Text className='section-title'>已帮他反映</Text>
          <Text className='visit-filed__what'>{`${report.icon} ${report.categoryName}`}</Text>
          <Text className='visit-filed__line'>{`${handledBy(report)}${due ? `，${due}` : ''}。办理的进展可以在这条反映里看到。`}</Text>
          <Button className='block-button' size='large' block onClick={() => onReport(report.id)}>
            查看这条反映
          </Button>
        </View>
      )}
      <Button type='primary' size='large' block onClick={onBack}>
        回到我的联户
      </Button>
    </Screen>
  );
}
