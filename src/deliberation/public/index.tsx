/**
 * 小区议事公开栏 (`?code=<public code>`, from the code landing page's 小区议事): a compound's decided
 * topics — each with its place, how many households voted, each option's count, the decision and the
 * minutes — and its 公约 as it stands. Public: read without registering; counts only, never a name.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DeliberationPublic, PublicTopic } from '../../core/api';
import { Failed as PageFailed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { deliberationPublic } from '../../services/deliberation';
import { readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Decision } from '../Decision';
import { Results } from '../Results';
import { RulesVersion } from '../RulesVersion';
import { turnoutLine } from '../words';
import '../deliberation.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; page: DeliberationPublic };

function Decided({ t }: { t: PublicTopic }) {
  return (
    <View className='dpublic'>
      <View className='card'>
        <Text className='dcard__title'>{t.title}</Text>
        <Text className='dcard__line dcard__place trail'>{t.place}</Text>
        {t.options.length > 0 && (
          <>
            <Text className='dturnout'>{turnoutLine(t.turnout)}</Text>
            <Results options={t.options} adopted={t.decision.option} />
          </>
        )}
      </View>
      <Decision decision={t.decision} />
    </View>
  );
}

export default function DeliberationPublicPage() {
  const router = useRouter();
  const code = readParam(router.params?.code) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!code) return setState({ status: 'failed', message: '请扫小区的公开码打开这一页' });
    const r = await deliberationPublic(code);
    setState(r.ok ? { status: 'ready', page: r.data } : { status: 'failed', message: r.message });
  }, [code]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageFailed message={state.message} onRetry={() => void load()} />;

  const { page } = state;
  return (
    <Screen className='dlb'>
      <Text className='dlb__title page-title'>{`${page.compound.name}议事公开`}</Text>
      <Text className='dlb__lead'>大家商量决定的事，和现行的小区公约。只公布票数，不公开谁投了什么。</Text>
      <Text className='dlb__section'>{page.topics.length > 0 ? `已经决定的事（${page.topics.length}）` : '已经决定的事'}</Text>
      {page.topics.length === 0 ? (
        <View className='card'>
          <Text className='dlb__say'>还没有作出决定的议题。</Text>
        </View>
      ) : (
        page.topics.map((t) => <Decided key={t.id} t={t} />)
      )}
      <Text className='dlb__section'>小区管理公约</Text>
      <View className='card'>{page.rules ? <RulesVersion version={page.rules} current /> : <Text className='dlb__say'>这个小区还没有录入公约。</Text>}</View>
    </Screen>
  );
}
