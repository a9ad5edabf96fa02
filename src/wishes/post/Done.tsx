/**
 * The wish posted: it waits for the community's check (待社区审核), then shows in 微心愿 without a name,
 * a door or a phone. One main action: 我的心愿, where its status shows; back to 微心愿 as a link.
 */
import { Text, View } from '@tarojs/components';
import type { WishView } from '../../core/api';
import { Button } from '../../components/nut';
import { StatusCard, StatusRow } from '../../components/StatusCard';
import { Screen } from '../../components/Screen';
import { WishChip } from '../Chip';
import { byDateLine } from '../words';

export function Done({ wish, forHousehold, onMine, onList }: { wish: WishView; forHousehold: boolean; onMine: () => void; onList: () => void }) {
  return (
    <Screen className='wishes'>
      <Text className='wishes__title page-title'>✓ 心愿已提交</Text>
      <StatusCard
        chip={<WishChip wish={wish} />}
        say={`待社区审核。审核通过后，心愿会公开在“微心愿”里，等党员和志愿者认领；公开时不显示姓名、门牌和电话。有人认领后，${forHousehold ? '认领人会通过您联系这一户' : '认领人会通过楼栋长联系您'}。`}
      >
        <StatusRow label='心愿' value={wish.what} />
        <StatusRow label='为谁' value={wish.forWhom} />
        <StatusRow label='日期' value={byDateLine(wish)} />
      </StatusCard>
      <Button className='wishes__action' type='primary' size='large' block onClick={onMine}>
        看看我的心愿
      </Button>
      <View className='wishes__links'>
        <View className='wishes__link' role='link' hoverClass='wishes__link--pressed' onClick={onList}>
          <Text>回到微心愿 ›</Text>
        </View>
      </View>
    </Screen>
  );
}
