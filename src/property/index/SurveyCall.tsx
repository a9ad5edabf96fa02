/**
 * This month's survey on the public page, for a resident: the way to it while the household has not
 * answered (the page's one main action), a line once it has. Nothing for someone who is not a
 * household of the compound (staff, a handler): the survey is not theirs to answer.
 */
import { Text, View } from '@tarojs/components';
import type { SurveyView } from '../../core/api';
import { Button } from '../../components/nut';
import { answeredBy, answeredLine } from '../words';

export function SurveyCall({ survey, onOpen }: { survey: SurveyView | null; onOpen: () => void }) {
  if (!survey) return null;
  if (survey.answered) {
    return (
      <View className='card'>
        <Text className='section-title'>{`✓ ${survey.monthLabel}物业服务评价`}</Text>
        <Text className='property__say'>{answeredLine(survey.answeredAt, { mine: survey.mine !== null, name: answeredBy(survey) })}</Text>
      </View>
    );
  }
  if (!survey.open) return null;
  return (
    <View className='card'>
      <Text className='section-title'>{`${survey.monthLabel}物业服务评价`}</Text>
      <Text className='property__say'>{`${survey.questions.length} 个问题，每户每月评一次。您的评价会算进这个月物业的红旗、黄旗评比。`}</Text>
      <Button className='property__action' type='primary' size='large' block onClick={onOpen}>
        去评价
      </Button>
    </View>
  );
}
