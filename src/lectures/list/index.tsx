/**
 * 社区讲堂: the lectures open to the resident that have not ended, soonest first, each with its seats
 * left (or full and how many wait) and the resident's own sign-up. Opened from home's tile. Staff who
 * run lectures also find 扫码签到 here, the scan page for attendees' sign-up codes.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { LectureCard } from '../../core/api';
import { MANAGES_LECTURES } from '../../core/lectures';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { whoAmI } from '../../services/api';
import { openLectures } from '../../services/lectures';
import { open } from '../../utils/nav';
import { LectureItem } from '../LectureItem';
import { LECTURE_PAGES, lectureUrl, scanUrl } from '../urls';
import '../lectures.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; lectures: LectureCard[]; staff: boolean };

export default function LectureList() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const [list, me] = await Promise.all([openLectures(), whoAmI()]);
    if (!list.ok) return setState({ status: 'failed', message: list.message });
    // Whether to offer 扫码签到 is an extra: without an answer the list still shows.
    const staff = me.ok && me.data.registered && me.data.bindings.some((b) => MANAGES_LECTURES.includes(b.role));
    setState({ status: 'ready', lectures: list.data.lectures, staff });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const { lectures, staff } = state;
  return (
    <Screen className='lectures'>
      <Text className='lectures__title page-title'>社区讲堂</Text>
      <Text className='lectures__lead'>社区请来的老师讲健康、法律、防诈骗等。点开一场讲座就能报名，座位满了可以候补。</Text>
      <View className='lectures__links'>
        <View className='lectures__link' role='link' hoverClass='lectures__link--pressed' onClick={() => open(LECTURE_PAGES.mine)}>
          <Text>我的报名 ›</Text>
        </View>
      </View>
      {staff && (
        <View className='card'>
          <Text className='ldetail__say'>工作人员：在门口扫参加者“我的报名”里的报名码签到。</Text>
          <Button className='lectures__plain' size='large' block onClick={() => open(scanUrl())}>
            扫码签到
          </Button>
        </View>
      )}
      {lectures.length === 0 ? (
        <View className='card'>
          <Text className='lectures__empty'>现在没有可以报名的讲座。社区发布新的讲座后，会出现在这里。</Text>
        </View>
      ) : (
        lectures.map((l) => <LectureItem key={l.id} lecture={l} onOpen={() => open(lectureUrl(l.id))} />)
      )}
    </Screen>
  );
}
