/**
 * 我的心愿: two tabs — 我许的 (wishes the person posted, or a lead posted for them, or they posted for a
 * household) and 我认领的 (wishes they claimed) — each wish with its status in words and an icon, what
 * and for whom, and by when; tapping one opens it. `?tab=claimed` opens the second tab (after a claim).
 * Without any, each tab says how to begin.
 */
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { WishView } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { StatusFailed } from '../../components/StatusCard';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn } from '../../services/api';
import { myWishes } from '../../services/wishes';
import { goToLogin, open, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { WISH_PAGES, wishUrl } from '../urls';
import { WishCard } from '../WishCard';
import { Tabs, type Tab } from './Tabs';
import '../wishes.scss';

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; posted: WishView[]; claimed: WishView[] };

const EMPTY: Record<Tab, { say: string; action: string; page: string }> = {
  posted: { say: '您还没有许过心愿。有什么小心愿，比如想要一根拐杖、需要有人陪着去医院，都可以许一个。', action: '许个心愿', page: WISH_PAGES.post },
  claimed: { say: '您还没有认领过心愿。党员和志愿者可以在“微心愿”里认领邻居的心愿。', action: '去看看心愿', page: WISH_PAGES.index },
};

export default function MyWishes() {
  const router = useRouter();
  const asked = readParam(router.params?.tab);
  const [tab, setTab] = useState<Tab | null>(asked === 'claimed' || asked === 'posted' ? asked : null);
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const result = await myWishes();
    if (result.ok) setState({ status: 'ready', posted: result.data.posted, claimed: result.data.claimed });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', code: result.code, message: result.message });
  }, []);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  const { posted, claimed } = state;
  // Unless asked, the tab that has wishes: a member who never posted one sees what they claimed.
  const shown: Tab = tab ?? (posted.length === 0 && claimed.length > 0 ? 'claimed' : 'posted');
  const list = shown === 'posted' ? posted : claimed;
  const empty = EMPTY[shown];

  return (
    <Screen className='wishes'>
      <Text className='wishes__title page-title'>我的心愿</Text>
      <Tabs tab={shown} counts={{ posted: posted.length, claimed: claimed.length }} onChange={setTab} />
      {list.length === 0 ? (
        <>
          <View className='card'>
            <Text className='wishes__say'>{empty.say}</Text>
          </View>
          <Button className='wishes__action' type='primary' size='large' block onClick={() => open(empty.page)}>
            {empty.action}
          </Button>
        </>
      ) : (
        list.map((w) => <WishCard key={w.id} wish={w} showStatus onOpen={() => open(wishUrl(w.id))} />)
      )}
    </Screen>
  );
}
