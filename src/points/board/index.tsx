/**
 * 积分公示栏: the ranking of the caller's compound this month or this year (a switch at the top), by the
 * points earned — spending in the shop lowers nobody's place. A name shows only when its owner agreed
 * (我的信息); others read 未公开姓名. The caller's own row is marked in words; when they are below the
 * rows shown, their place follows apart.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
// NutUI's button (through Failed) before the form parts: their styles in the order the other pages have them.
import { Failed } from '../Failed';
import { Choices } from '../../components/Choices';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { chinaParts, monthKey } from '../../core/time';
import { MYDATA_PAGES } from '../../mydata/urls';
import { pointsBoard } from '../../services/points';
import { PointsLinks } from '../PointsLinks';
import { useRead } from '../useRead';
import { BoardRows, Rank } from './BoardRows';
import '../points.scss';

type Period = 'month' | 'year';

const ask = (period: Period, now: number = Date.now()) => (period === 'month' ? { month: monthKey(now) } : { year: chinaParts(now).year });

export default function Board() {
  const [period, setPeriod] = useState<Period>('month');
  const read = useCallback(() => pointsBoard(ask(period)), [period]);
  const { state, load } = useRead(read);
  const shown = useRef(false);

  // The switch reads the other period at once (the first read is the page's show).
  useEffect(() => {
    if (shown.current) void load();
    shown.current = true;
  }, [load]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const board = state.data;
  const mineShown = board.rows.some((r) => r.mine);
  return (
    <Screen className='points'>
      <Text className='points__title page-title'>积分公示栏</Text>
      <Text className='points__lead trail'>{board.trail}</Text>
      <Choices
        options={[
          { value: 'month', label: '本月' },
          { value: 'year', label: '今年' },
        ]}
        columns={2}
        value={period}
        onChange={(p) => setPeriod(p as Period)}
      />
      <Text className='points__section'>{`${board.period}积分排名`}</Text>
      {board.rows.length === 0 ? (
        <View className='card'>
          <Text className='points__say'>这段时间还没有人获得积分。</Text>
        </View>
      ) : (
        <View className='card'>
          <BoardRows rows={board.rows} />
        </View>
      )}
      {!mineShown && board.myRow && (
        <View className='card'>
          <Text className='section-title'>我的名次</Text>
          <Rank row={board.myRow} />
        </View>
      )}
      <View className='card'>
        <Text className='points__say'>只统计参加讲座、志愿服务、实现微心愿、联户走访和社区奖励得到的积分，兑换物品不影响排名。没有同意公开姓名的人显示为“未公开姓名”。</Text>
        <PointsLinks links={[{ words: '在“我的信息”里设置是否公开姓名', page: MYDATA_PAGES.index }]} />
      </View>
    </Screen>
  );
}
