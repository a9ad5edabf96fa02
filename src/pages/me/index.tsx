import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { CheckinView, Me, NotRegistered } from '../../core/api';
import { maskPhone } from '../../core/people';
// NutUI's styles before ours (components.scss, which the switch brings): ours override theirs.
import { Button } from '../../components/nut';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { RoleChips } from '../../components/RoleChips';
import { Screen } from '../../components/Screen';
import { WayIn } from '../../components/WayIn';
import { hasSession, isSessionLost, signOut, usesPasswordSignIn, whoAmI } from '../../services/api';
import { placesOf, roleLabelsOf } from '../../utils/me';
import { goToLogin, open } from '../../utils/nav';
import { LECTURE_PAGES } from '../../lectures/urls';
import { MyCheckinEntry } from '../../members/MyCheckinEntry';
import { MyPairingsEntry } from '../../pairings/MyPairingsEntry';
import { MyPartnersEntry } from '../../partners/MyPartnersEntry';
import { MYDATA_PAGES } from '../../mydata/urls';
import { myCheckins } from '../../services/members';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'ready'; me: Me }
  /** A WeChat user nobody has registered yet. */
  | { status: 'outsider'; who: NotRegistered }
  | { status: 'failed'; message: string };

export default function MePage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  // The newest check-in (党员报到), for the 我的报到 entry; none: no entry.
  const [checkin, setCheckin] = useState<CheckinView | null>(null);

  const load = useCallback(async () => {
    if (!hasSession()) {
      goToLogin();
      return;
    }
    void myCheckins().then((r) => setCheckin(r.ok ? (r.data.checkins[0] ?? null) : null));
    const result = await whoAmI();
    if (result.ok) setState(result.data.registered ? { status: 'ready', me: result.data } : { status: 'outsider', who: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  const onSignOut = async () => {
    const answer = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '不退出', confirmColor: '#c62f2f' });
    if (!answer.confirm) return;
    setSigningOut(true);
    // The local session is dropped even if the server cannot be reached, so leaving always works.
    await signOut();
    setSigningOut(false);
    goToLogin();
  };

  if (state.status === 'loading') {
    return (
      <Screen>
        <Text className='loading'>正在加载…</Text>
      </Screen>
    );
  }

  if (state.status === 'failed') {
    return (
      <Screen>
        <Text className='message message--error'>{state.message}</Text>
        <Button type='primary' size='large' block onClick={() => void load()}>
          重新加载
        </Button>
        <ElderModeSwitch />
      </Screen>
    );
  }

  if (state.status === 'outsider') {
    return (
      <Screen className='me'>
        <WayIn title='您还没有登记' howTo={state.who.howToRegister} registration={state.who.registration} />
        <MyCheckinEntry checkin={checkin} />
        <ElderModeSwitch />
      </Screen>
    );
  }

  const { me } = state;
  const roles = roleLabelsOf(me);
  const places = placesOf(me);

  return (
    <Screen className='me'>
      <View className='card'>
        <Text className='me__name page-title'>{me.person.name}</Text>
        <View className='me__row'>
          <Text className='me__label'>手机号</Text>
          <Text className='me__value'>{maskPhone(me.person.phone) ?? '未登记'}</Text>
        </View>
        {usesPasswordSignIn() && me.person.username && (
          <View className='me__row'>
            <Text className='me__label'>账号</Text>
            <Text className='me__value'>{me.person.username}</Text>
          </View>
        )}
      </View>

      <ElderModeSwitch />

      <View className='card'>
        <Text className='section-title'>我的身份</Text>
        {roles.length === 0 ? (
          <Text className='muted'>还没有登记身份，请联系楼栋长或社区。</Text>
        ) : (
          <RoleChips roles={roles} />
        )}
        {places.map((p) => (
          <View key={p.unitId} className='me__place'>
            <Text className='me__trail trail'>{p.trail}</Text>
            <Text className='muted'>{p.roles.join('、')}</Text>
          </View>
        ))}
      </View>

      <MyCheckinEntry checkin={checkin} />
      {/* 我的联户: only for a member with paired households. */}
      <MyPairingsEntry me={me} />
      {/* 我的共建单位: only for a partner organisation's contact or a member linked to it. */}
      <MyPartnersEntry me={me} />

      {/* 社区讲堂's sign-ups, with the codes shown at the door. */}
      <View className='card'>
        <Text className='section-title'>社区讲堂</Text>
        <Button className='block-button' size='large' block onClick={() => open(LECTURE_PAGES.mine)}>
          我的报名
        </Button>
      </View>

      {/* 我的信息 (a subpackage): everything kept about the person, a copy, corrections, 注销. */}
      <Button className='block-button' size='large' block onClick={() => open(MYDATA_PAGES.index)}>
        我的信息
      </Button>

      {usesPasswordSignIn() && (
        <Button className='block-button' size='large' block disabled={signingOut} onClick={() => void onSignOut()}>
          {signingOut ? '正在退出…' : '退出登录'}
        </Button>
      )}
    </Screen>
  );
}
