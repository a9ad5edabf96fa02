/**
 * 回音壁: a compound's resolved reports of a month — what was reported, what was done, how long it
 * took, the rating — as the community keeps one on its wall. Opened without registering: from the
 * compound's public code (`?code=`, via the landing page), from a link or a group share (`?compound=`),
 * or from home (the caller's own compound). Nothing on it names, calls or finds anyone: the server
 * scrubs it (core/reports/echo-wall.ts). Months go back and forth one at a time, big buttons for older
 * readers; the page is shared to the building's group as it stands.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import type { EchoWall } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoGrid } from '../../components/Photos';
import { Screen } from '../../components/Screen';
import { echoWall } from '../../services/echo-wall';
import { goHome, readParam } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { ECHO_PAGES } from '../urls';
import './echo.scss';

/** The wall of one compound and month: the path the page shares into a building's group. */
const echoWallUrl = (compoundId: string, month?: string) => `${ECHO_PAGES.wall}?compound=${encodeURIComponent(compoundId)}${month ? `&month=${month}` : ''}`;

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; wall: EchoWall };

/** '2026-11' → '2026年11月'. */
export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** '12月1日' in China time (the wall is of one month: the year is plain). */
const dayLabel = (t: number) => {
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

function Entry({ e }: { e: EchoWall['entries'][number] }) {
  return (
    <View className='card echo__entry'>
      <View className='echo__head'>
        <Text className='echo__category'>{`${e.icon} ${e.categoryName}`}</Text>
        <Text className='echo__place'>{e.place}</Text>
      </View>
      <View className='echo__row'>
        <Text className='echo__label'>反映</Text>
        <Text className='echo__text'>{e.reported}</Text>
      </View>
      <View className='echo__row'>
        <Text className='echo__label'>办理</Text>
        <Text className='echo__text'>{e.done}</Text>
      </View>
      <PhotoGrid photos={e.photos} label='照片' />
      <View className='echo__facts'>
        <Text className='echo__fact'>{`${dayLabel(e.resolvedAt)}办结`}</Text>
        {/* Late or on time is said in words (and a sign), never by colour alone. */}
        <Text className={`echo__fact ${e.onTime ? 'echo__fact--ok' : 'echo__fact--late'}`}>{`用时 ${e.took}${e.onTime ? ' ✓ 按时' : ' ⚠ 超时'}`}</Text>
        <Text className='echo__fact'>{`评价：${e.ratingLabel}`}</Text>
      </View>
    </View>
  );
}

export default function EchoWallPage() {
  const router = useRouter();
  const codeId = readParam(router.params?.code);
  const compoundId = readParam(router.params?.compound);
  const [month, setMonth] = useState<string | undefined>(readParam(router.params?.month));
  const [state, setState] = useState<State>({ status: 'loading' });

  // The month is passed in when it changes: the page reads again at once, not only when it shows next.
  const load = useCallback(
    async (m = month) => {
      const r = await echoWall({ codeId, compoundId, month: m });
      setState(r.ok ? { status: 'ready', wall: r.data } : { status: 'failed', message: r.message });
    },
    [codeId, compoundId, month],
  );

  useLoadOnShow(load);

  useShareAppMessage(() =>
    state.status === 'ready'
      ? { title: `${state.wall.compound.name}回音壁 · ${monthLabel(state.wall.month)}`, path: echoWallUrl(state.wall.compound.id, state.wall.month) }
      : { title: '回音壁', path: echoWallUrl(compoundId ?? '') },
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const { wall } = state;
  const at = wall.months.findIndex((m) => m.month === wall.month);
  const older = at >= 0 && at + 1 < wall.months.length ? wall.months[at + 1].month : null;
  const newer = at > 0 ? wall.months[at - 1].month : null;
  const go = (m: string) => {
    setState({ status: 'loading' });
    setMonth(m);
    void load(m);
  };
  const { tally } = wall;
  return (
    <Screen className='echo'>
      <Text className='echo__title page-title'>{`回音壁 · ${monthLabel(wall.month)}`}</Text>
      <Text className='echo__lead trail'>{wall.trail}</Text>
      <Text className='echo__say'>每个月居民反映的问题和办理结果都在这里公示。不写姓名、电话和门牌。</Text>

      <View className='echo__months'>
        <Button className='echo__month' size='large' disabled={!older} onClick={() => older && go(older)}>
          ‹ 上个月
        </Button>
        <Button className='echo__month' size='large' disabled={!newer} onClick={() => newer && go(newer)}>
          下个月 ›
        </Button>
      </View>

      <View className='card echo__tally'>
        <Text className='echo__tally-text'>
          {tally.resolved === 0 ? `${monthLabel(wall.month)}还没有办结的反映。` : `办结 ${wall.total} 件，按时 ${tally.onTime} 件${tally.rated ? `，满意 ${tally.satisfied} / ${tally.rated} 件已评价` : ''}`}
        </Text>
      </View>

      {wall.entries.map((e) => (
        <Entry key={e.key} e={e} />
      ))}
      {wall.total > wall.entries.length && <Text className='echo__say'>{`这里列出前 ${wall.entries.length} 件，全部 ${wall.total} 件请看社区的公示栏。`}</Text>}

      <View className='actions echo__actions'>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className='echo__share' type='primary' size='large' block openType='share'>
            分享到楼栋群
          </Button>
        )}
        <Button className='echo__home' size='large' block onClick={goHome}>
          回到首页
        </Button>
      </View>
    </Screen>
  );
}
