/**
 * 积分超市: the community's goods (物品) and the orders for them (兑换订单), one tab each; the tab
 * and the orders' status live in the query string (?tab=orders&status=ordered).
 */
import { Flex, Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { replaceSearch, useSearch } from '../../router';
import { REDEMPTION_STATUSES, type RedemptionStatus } from '../../../../src/core/shop';
import { CommunityPicker, NotPointsStaff, usePointsCommunity } from '../Points/community';
import { Goods } from './Goods';
import { Orders } from './Orders';

export default function ShopPage() {
  const choice = usePointsCommunity();
  const search = useSearch();
  const q = new URLSearchParams(search);
  const tab = q.get('tab') === 'orders' ? 'orders' : 'goods';
  const asked = q.get('status') as RedemptionStatus | null;
  const status: RedemptionStatus = asked && REDEMPTION_STATUSES.includes(asked) ? asked : 'ordered';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    replaceSearch(next.toString());
  };

  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="积分超市" />
        {choice.ready && <NotPointsStaff />}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <PageHeader title="积分超市" hint="党员和志愿者用积分兑换物品，到社区领取" wrap>
        <CommunityPicker choice={choice} />
      </PageHeader>
      <Tabs
        activeKey={tab}
        onChange={(t) => set('tab', t)}
        items={[
          { key: 'goods', label: '物品', children: <Goods communityId={choice.communityId} /> },
          { key: 'orders', label: '兑换订单', children: <Orders communityId={choice.communityId} status={status} onStatus={(s) => set('status', s)} /> },
        ]}
      />
    </Flex>
  );
}
