/**
 * 积分超市: the community's goods on the shelf with their price and what is left, and one's balance on
 * top. 兑换 opens a confirm step (the points go at once; the goods are collected at the community); the
 * order carries a request id made when that step opens, so a tap retried after a dropped answer is one
 * order, not two. A refusal (sold out meanwhile, not enough points, taken off the shelf) is said in the
 * server's words above the list, read afresh.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GoodsView, RedemptionView } from '../../core/api';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost } from '../../services/api';
import { redeemGoods, shopGoods } from '../../services/points';
import { goToLogin, open } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { Failed } from '../Failed';
import { PointsLinks } from '../PointsLinks';
import { POINTS_PAGES } from '../urls';
import { useRead } from '../useRead';
import { COLLECT_AT } from '../words';
import { Confirm } from './Confirm';
import { GoodsItem } from './GoodsItem';
import { Redeemed } from './Redeemed';
import '../points.scss';

type Step = { step: 'list' } | { step: 'confirm'; goods: GoodsView; requestId: string; error: string | null } | { step: 'done'; order: RedemptionView; balance: number };

export default function Shop() {
  const { state, load } = useRead(shopGoods);
  const [step, setStep] = useState<Step>({ step: 'list' });
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const { goods, balance, community } = state.data;

  const backToList = () => {
    setStep({ step: 'list' });
    void load();
  };

  const redeem = async (s: Extract<Step, { step: 'confirm' }>) => {
    if (busy) return;
    setBusy(true);
    const result = await redeemGoods(s.goods.id, s.requestId);
    setBusy(false);
    if (result.ok) {
      setNote(null);
      setStep({ step: 'done', order: result.data.redemption, balance: result.data.balance });
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    // No answer (offline, too slow): the same order may be sent again with the same id, from this step.
    if (result.code.startsWith('NETWORK.')) return setStep({ ...s, error: result.message });
    // Refused: nothing was spent. Back to the goods as they are now, with the reason on top.
    setNote(result.message);
    backToList();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  if (step.step === 'confirm') {
    return <Confirm goods={step.goods} balance={balance} busy={busy} error={step.error} onConfirm={() => void redeem(step)} onBack={backToList} />;
  }
  if (step.step === 'done') {
    return <Redeemed order={step.order} balance={step.balance} onOrders={() => open(POINTS_PAGES.orders)} onShop={backToList} />;
  }

  return (
    <Screen className='points'>
      {note && <Text className='message message--error'>{note}</Text>}
      <Text className='points__title page-title'>积分超市</Text>
      <View className='card points__balance points__balance--small' aria-label={`现有积分 ${balance} 分`}>
        <Text className='points__balance-label'>现有积分</Text>
        <Text className='points__balance-figure'>
          {balance}
          <Text className='points__balance-unit'> 分</Text>
        </Text>
      </View>
      <Text className='points__lead'>{`${community.name}用积分兑换日用品。${COLLECT_AT}`}</Text>
      <PointsLinks links={[{ words: '我的兑换', page: POINTS_PAGES.orders }]} />
      {goods.length === 0 ? (
        <View className='card'>
          <Text className='points__say'>社区还没有上架可以兑换的物品。上架后会出现在这里。</Text>
        </View>
      ) : (
        goods.map((g) => <GoodsItem key={g.id} goods={g} balance={balance} onRedeem={() => setStep({ step: 'confirm', goods: g, requestId: newRequestId(), error: null })} />)
      )}
    </Screen>
  );
}
