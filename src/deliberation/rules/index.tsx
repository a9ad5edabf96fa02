/**
 * 小区公约 (`?compound=<id>`, else the reader's own compound): the compound's rules as they stand, and
 * every version before, each with when it was adopted, what changed and the topic whose decision
 * changed it. Opened from 小区议事, a topic, or a decision that adopted a version.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CompoundRulesView } from '../../core/api';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { whoAmI, type ClientFailure } from '../../services/api';
import { compoundRules } from '../../services/deliberation';
import { open, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { Failed } from '../Failed';
import { RulesVersion } from '../RulesVersion';
import { topicUrl } from '../urls';
import { compoundOf } from '../words';
import '../deliberation.scss';

type State = { status: 'loading' } | { status: 'failed'; code: ClientFailure['code']; message: string } | { status: 'ready'; rules: CompoundRulesView };

/** Without `?compound=`, the compound of the reader's first binding in one. */
async function ownCompound(): Promise<string | null> {
  const who = await whoAmI();
  if (!who.ok || !who.data.registered) return null;
  for (const b of who.data.bindings) {
    const id = compoundOf(b.unit);
    if (id) return id;
  }
  return null;
}

export default function Rules() {
  const router = useRouter();
  const given = readParam(router.params?.compound);
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const compoundId = given ?? (await ownCompound());
    if (!compoundId) return setState({ status: 'failed', code: 'INPUT.INVALID', message: '没有找到您的小区。请从小区议事里打开小区公约。' });
    const r = await compoundRules(compoundId);
    setState(r.ok ? { status: 'ready', rules: r.data } : { status: 'failed', code: r.code, message: r.message });
  }, [given]);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const { rules } = state;
  const earlier = rules.history.filter((v) => v.version !== rules.current?.version);
  const toTopic = (id: string) => open(topicUrl(id));
  return (
    <Screen className='dlb'>
      <Text className='dlb__title page-title'>小区管理公约</Text>
      <Text className='dlb__lead trail'>{rules.trail}</Text>
      <View className='card'>
        {rules.current ? (
          <RulesVersion version={rules.current} current onTopic={toTopic} />
        ) : (
          <Text className='dlb__say'>这个小区还没有录入公约。公约由居民议事决定，社区录入后会显示在这里。</Text>
        )}
      </View>
      {earlier.length > 0 && (
        <>
          <Text className='dlb__section'>以前的版本</Text>
          <View className='card'>
            {earlier.map((v) => (
              <RulesVersion key={v.version} version={v} onTopic={toTopic} />
            ))}
          </View>
        </>
      )}
    </Screen>
  );
}
