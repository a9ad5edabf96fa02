/**
 * 我的积分: the balance in big figures, the ways on (积分超市, 积分公示栏, 记录服务), whether one's name
 * shows on the board and where to change that (我的信息), then the ledger (积分明细), newest first. A
 * resident who earns nothing reads why, kindly, instead. Opened from home's 我的积分; read again each
 * time it shows, so an order or a confirmed record just made is counted.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { PointsMine } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { myPoints } from '../../services/points';
import { MYDATA_PAGES } from '../../mydata/urls';
import { goHome, open } from '../../utils/nav';
import { Failed } from '../Failed';
import { PointsLinks } from '../PointsLinks';
import { POINTS_PAGES } from '../urls';
import { useRead } from '../useRead';
import { NOT_EARNER } from '../words';
import { Ledger } from './Ledger';
import '../points.scss';

const PAGE = 30;

function BoardLine({ onBoard }: { onBoard: boolean }) {
  return (
    <View className='card'>
      <Text className='points__say'>
        {onBoard ? '✓ 您同意了在积分公示栏上显示姓名：公示栏上能看到您的姓名和积分。' : '您没有同意在积分公示栏上显示姓名：公示栏上您这一行写“未公开姓名”。'}
      </Text>
      <PointsLinks links={[{ words: '在“我的信息”里修改', page: MYDATA_PAGES.index }]} />
    </View>
  );
}

export default function MyPoints() {
  const [limit, setLimit] = useState(PAGE);
  // The page reads as many entries as it shows: 查看更早的明细 asks for more, and a refresh keeps them.
  const read = useCallback(() => myPoints(limit), [limit]);
  const { state, load } = useRead<PointsMine>(read);
  useEffect(() => {
    if (limit > PAGE) void load();
  }, [limit, load]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const { balance, entries, total, onBoard, earns } = state.data;

  if (!earns && entries.length === 0) {
    return (
      <Screen className='points'>
        <Text className='points__title page-title'>我的积分</Text>
        <View className='card'>
          <Text className='points__say'>{NOT_EARNER}</Text>
        </View>
        <PointsLinks links={[{ words: '看看积分公示栏', page: POINTS_PAGES.board }]} />
        <Button type='primary' size='large' block onClick={goHome}>
          回到首页
        </Button>
      </Screen>
    );
  }

  return (
    <Screen className='points'>
      <Text className='points__title page-title'>我的积分</Text>
      <View className='card points__balance' aria-label={`现有积分 ${balance} 分`}>
        <Text className='points__balance-label'>现有积分</Text>
        <Text className='points__balance-figure'>
          {balance}
          <Text className='points__balance-unit'> 分</Text>
        </Text>
        {!earns && <Text className='points__say'>{NOT_EARNER}</Text>}
      </View>
      {earns && (
        <Button className='points__action' type='primary' size='large' block onClick={() => open(POINTS_PAGES.shop)}>
          去积分超市兑换
        </Button>
      )}
      <PointsLinks
        links={[
          { words: '积分公示栏', page: POINTS_PAGES.board },
          ...(earns ? [{ words: '记录服务', page: POINTS_PAGES.service }] : []),
          { words: '我的兑换', page: POINTS_PAGES.orders },
        ]}
      />
      <BoardLine onBoard={onBoard} />

      <Text className='points__section'>积分明细</Text>
      {entries.length === 0 ? (
        <View className='card'>
          <Text className='points__say'>还没有积分。参加讲座、志愿服务、实现微心愿、联户走访后，积分会记在这里。</Text>
        </View>
      ) : (
        <View className='card'>
          <Ledger entries={entries} />
          {total > entries.length && (
            <Button className='points__plain' size='large' block onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}>
              {`查看更早的明细（还有 ${total - entries.length} 条）`}
            </Button>
          )}
        </View>
      )}
    </Screen>
  );
}
