/**
 * 物业测评结果 (`?compound=<id>`, else the caller's compound): the compound's public page — the company
 * that serves it, the latest published month's flag (🚩 红旗 / ⚠️ 黄旗 in words) with the figures behind
 * it, the months before, and, for a household that has not answered this month's survey, the way to it.
 * Opened from home's 物业测评; read again each time it shows, so an answer just given is counted.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CompoundAssessments, SurveyView } from '../../core/api';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import type { ClientFailure } from '../../services/api';
import { compoundAssessments, propertySurvey } from '../../services/assessments';
import { open, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Failed } from '../Failed';
import { FlagCard } from '../FlagCard';
import { PROPERTY_PAGES } from '../urls';
import { Figures } from './Figures';
import { History } from './History';
import { SurveyCall } from './SurveyCall';
import '../property.scss';

type State = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'ready'; page: CompoundAssessments; survey: SurveyView | null };

export default function PropertyResults() {
  const router = useRouter();
  const compoundId = readParam(router.params?.compound);
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    // The survey is an extra: a person who is not a household of the compound is refused it, and the page still shows.
    const [page, survey] = await Promise.all([compoundAssessments(compoundId), propertySurvey(compoundId)]);
    if (!page.ok) return setState({ status: 'failed', code: page.code, message: page.message });
    setState({ status: 'ready', page: page.data, survey: survey.ok ? survey.data : null });
  }, [compoundId]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const { page, survey } = state;
  const earlier = page.history.filter((m) => m.id !== page.latest?.id);
  const toSurvey = () => open(`${PROPERTY_PAGES.survey}?compound=${encodeURIComponent(page.compound.id)}`);
  return (
    <Screen className='property'>
      <Text className='property__title page-title'>物业测评结果</Text>
      <Text className='property__lead trail'>{page.company ? `${page.trail}，物业公司：${page.company.name}` : page.trail}</Text>
      {page.latest ? (
        <>
          <FlagCard assessment={page.latest} />
          <SurveyCall survey={survey} onOpen={toSurvey} />
          <Figures assessment={page.latest} />
        </>
      ) : (
        <>
          <View className='card'>
            <Text className='property__say'>{page.company ? '还没有公布过测评结果。社区每月根据物业办理反映的情况和居民的评价，给物业评红旗或黄旗，公布后会显示在这里。' : '这个小区还没有登记物业公司，暂时没有物业测评。'}</Text>
          </View>
          <SurveyCall survey={survey} onOpen={toSurvey} />
        </>
      )}
      <History months={earlier} />
      {page.latest && (
        <View className='card'>
          <Text className='property__say'>红旗、黄旗由社区根据物业办理居民反映的响应率、按时办结率、满意率和居民问卷算出，每月公布一次。问卷不公开您的姓名和门牌。</Text>
        </View>
      )}
    </Screen>
  );
}
