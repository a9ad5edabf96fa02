/**
 * 我的联户: the households a member is paired with (联户), each with its kinds, whom to ask for, how
 * many visits and the latest, and a 记录走访 button that opens the visit form. Pairings still on come
 * first; ended ones below, to read. Opened from 我的; refreshed each time it shows, so a visit just
 * recorded is counted.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PairingView } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn } from '../../services/api';
import { myPairings } from '../../services/pairings';
import { goToLogin, open } from '../../utils/nav';
import { visitUrl } from '../urls';
import { Household } from './Household';
import '../pairings.scss';

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; pairings: PairingView[] };

export default function MyPairings() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const result = await myPairings();
    if (result.ok) setState({ status: 'ready', pairings: result.data.pairings });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', code: result.code, message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'failed') {
    // A browser that neither signed in nor stands in for WeChat has nobody to show.
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return (
      <Screen className='pairings'>
        <Text className='message message--error'>{state.message}</Text>
        <Button type='primary' size='large' block onClick={() => (nobody ? goToLogin() : void load())}>
          {nobody ? '去登录' : '重新加载'}
        </Button>
      </Screen>
    );
  }

  const active = state.pairings.filter((p) => p.status === 'active');
  const ended = state.pairings.filter((p) => p.status !== 'active');

  return (
    <Screen className='pairings'>
      <Text className='pairings__title page-title'>我的联户</Text>
      {active.length > 0 ? (
        <Text className='pairings__lead'>{`您结对联系 ${active.length} 户。每次上门看望后记一笔；住户有需要社区或物业解决的问题，走访时可以帮他反映。`}</Text>
      ) : (
        <View className='card'>
          <Text className='pairings__lead'>您现在没有结对的住户。结对由小区党支部书记、社区或网格长（家长）安排，安排好后会显示在这里。</Text>
        </View>
      )}
      {active.map((p) => (
        <Household key={p.id} pairing={p} onVisit={() => open(visitUrl(p.id))} />
      ))}
      {ended.length > 0 && (
        <>
          <Text className='pairings__section'>已解除的结对</Text>
          {ended.map((p) => (
            <Household key={p.id} pairing={p} />
          ))}
        </>
      )}
    </Screen>
  );
}
