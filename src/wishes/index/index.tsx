/**
 * 微心愿: the community's open wishes, as members and volunteers browse them — what, for whom, by when,
 * the compound; never a name, a door or a phone. A member or volunteer taps one to read it and claim
 * it; everyone else reads who can claim instead of the list (the server shows it to claimers only).
 * Residents (and building and grid leads, for a household) find the one main action here: 许个心愿.
 * Opened from home's tile; read again each time it shows, so a wish just claimed or posted is where
 * it should be.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Me, WishPublicView } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { StatusFailed } from '../../components/StatusCard';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn, whoAmI } from '../../services/api';
import { openWishes } from '../../services/wishes';
import { goToLogin, open } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { WISH_PAGES, wishUrl } from '../urls';
import { postsWishes, WHO_CLAIMS } from '../who';
import { WishCard } from '../WishCard';
import '../wishes.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  /** `wishes` null: the caller is no member or volunteer, and the server shows the list to them only. */
  | { status: 'ready'; wishes: WishPublicView[] | null; total: number; me: Me | null };

export default function Wishes() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const [list, who] = await Promise.all([openWishes(), whoAmI()]);
    // Who may claim or post only chooses what to offer: without an answer the list still shows.
    const me = who.ok && who.data.registered ? who.data : null;
    if (list.ok) return setState({ status: 'ready', wishes: list.data.wishes, total: list.data.total, me });
    if (isSessionLost(list)) return goToLogin(list.message);
    // A resident reads who can claim, and can still post.
    if (list.code === 'AUTH.FORBIDDEN' && me) return setState({ status: 'ready', wishes: null, total: 0, me });
    setState({ status: 'failed', code: list.code, message: list.message });
  }, []);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    // A browser that neither signed in nor stands in for WeChat has nobody to show.
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  const { wishes, total, me } = state;
  const posts = me !== null && postsWishes(me);

  return (
    <Screen className='wishes'>
      <Text className='wishes__title page-title'>微心愿</Text>
      <Text className='wishes__lead'>邻居们的小心愿：一根拐杖、一次陪诊、孩子的一个书包。党员和志愿者认领后，帮他们实现。公开时不显示姓名、门牌和电话。</Text>
      {posts && (
        <Button className='wishes__action' type='primary' size='large' block onClick={() => open(WISH_PAGES.post)}>
          许个心愿
        </Button>
      )}
      <View className='wishes__links'>
        <View className='wishes__link' role='link' hoverClass='wishes__link--pressed' onClick={() => open(WISH_PAGES.mine)}>
          <Text>我的心愿 ›</Text>
        </View>
      </View>

      {wishes === null ? (
        <Text className='message message--info'>{WHO_CLAIMS}</Text>
      ) : (
        <>
          <Text className='wishes__section'>{total > 0 ? `${total} 个心愿等待认领` : '等待认领的心愿'}</Text>
          <Text className='wishes__say'>点开一个心愿就能认领。认领后请尽快联系心愿人，在约定的日子前帮他实现。</Text>
          {wishes.length === 0 ? (
            <View className='card'>
              <Text className='wishes__say'>现在没有等待认领的心愿。社区审核通过的新心愿，会出现在这里。</Text>
            </View>
          ) : (
            wishes.map((w) => <WishCard key={w.id} wish={w} onOpen={() => open(wishUrl(w.id))} />)
          )}
        </>
      )}
    </Screen>
  );
}
