import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { Me } from '../../core/api';
import { Button, Tag } from '../../components/nut';
import { hasSession, isSessionLost, whoAmI } from '../../services/api';
import { placesOf, roleLabelsOf } from '../../utils/me';
import { comingSoon, goToLogin } from '../../utils/nav';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; message: string };

interface Entry {
  key: string;
  title: string;
  hint: string;
}

const ENTRIES: Entry[] = [
  { key: 'report', title: '随手拍', hint: '我要反映问题' },
  { key: 'mine', title: '我的反映', hint: '看看办得怎么样' },
  { key: 'lectures', title: '社区讲堂', hint: '报名听讲座' },
  { key: 'checkin', title: '党员报到', hint: '党员、志愿者报到' },
];

/** Handlers see their queue first: it is the one thing they open the app for. */
const TODO: Entry = { key: 'todo', title: '待办', hint: '等我处理的反映' };

export default function Home() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!hasSession()) {
      goToLogin();
      return;
    }
    const result = await whoAmI();
    if (result.ok) setState({ status: 'ready', me: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  if (state.status === 'loading') {
    return (
      <View className='page'>
        <Text className='loading'>正在加载…</Text>
      </View>
    );
  }

  if (state.status === 'failed') {
    return (
      <View className='page'>
        <Text className='message message--error'>{state.message}</Text>
        <Button type='primary' size='large' block onClick={() => void load()}>
          重新加载
        </Button>
      </View>
    );
  }

  const { me } = state;
  const places = placesOf(me);
  const roles = roleLabelsOf(me);
  const entries = me.isHandler ? [TODO, ...ENTRIES] : ENTRIES;
  const allBuildings = places.length > 0 && places.every((p) => p.kind === 'building');

  return (
    <View className='page home'>
      <View className='card home__hello'>
        <Text className='home__name'>您好，{me.person.name}</Text>
        {roles.length > 0 && (
          <View className='chips home__roles' aria-label='我的身份'>
            {roles.map((label) => (
              <Tag key={label} type='primary' className='chip'>
                {label}
              </Tag>
            ))}
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>{allBuildings ? '我的楼栋' : '我的单位'}</Text>
        {places.length === 0 ? (
          <Text className='muted'>还没有登记楼栋，请联系楼栋长或社区。</Text>
        ) : (
          places.map((p) => (
            <View key={p.unitId} className='home__place'>
              <Text className='home__trail trail'>{p.trail}</Text>
              <Text className='muted home__place-roles'>{p.roles.join('、')}</Text>
            </View>
          ))
        )}
      </View>

      <Text className='section-title home__entries-title'>我要办事</Text>
      <View className='home__entries'>
        {entries.map((e) => (
          <View
            key={e.key}
            className={`home__entry${e.key === 'todo' ? ' home__entry--todo' : ''}`}
            hoverClass='home__entry--pressed'
            onClick={comingSoon}
          >
            <Text className='home__entry-title'>{e.title}</Text>
            <Text className='home__entry-hint'>{e.hint}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
