/**
 * 注销账号, confirmed twice: the first screen asks the server what leaving does (askToLeave: the
 * consequences and a token) and lists them; 我已了解 opens the second, where 确定注销 sends the token.
 * Afterwards the person is signed out and taken to the start. A refusal (still holding a role, a
 * confirmation that lapsed, too many tries) is shown in its own words, with a way back.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LeaveConfirmation } from '../../core/outputs/own-data';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, signOut } from '../../services/api';
import { askToLeave, leave } from '../../services/own-data';
import { goHome, goToLogin } from '../../utils/nav';
import '../mydata.scss';

type State =
  | { status: 'loading' }
  | { status: 'refused'; message: string }
  | { status: 'first'; ask: LeaveConfirmation }
  | { status: 'second'; ask: LeaveConfirmation }
  | { status: 'leaving'; ask: LeaveConfirmation }
  | { status: 'left' };

export default function Leave() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const ask = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await askToLeave();
    if (result.ok) setState({ status: 'first', ask: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'refused', message: result.message });
  }, []);

  useEffect(() => {
    void ask();
  }, [ask]);

  const onLeave = async (confirmation: LeaveConfirmation) => {
    setState({ status: 'leaving', ask: confirmation });
    const result = await leave(confirmation.token);
    if (!result.ok) return setState({ status: 'refused', message: result.message });
    setState({ status: 'left' });
    // The server has ended every session already; this drops the local one too (its answer does not matter).
    await signOut();
    goHome();
  };

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'refused') {
    return (
      <Screen className='mydata'>
        <Text className='mydata__title page-title'>注销账号</Text>
        <Text className='message message--error'>{state.message}</Text>
        <Button className='block-button' type='primary' size='large' block onClick={() => void ask()}>
          重新开始
        </Button>
      </Screen>
    );
  }

  if (state.status === 'left') {
    return (
      <Screen className='mydata'>
        <Text className='mydata__title page-title'>账号已注销</Text>
        <Text className='mydata__lead'>谢谢您用过近邻。</Text>
      </Screen>
    );
  }

  if (state.status === 'first') {
    return (
      <Screen className='mydata'>
        <Text className='mydata__title page-title'>注销账号</Text>
        <Text className='mydata__lead'>注销后：</Text>
        <View className='card'>
          {state.ask.consequences.map((c) => (
            <Text key={c} className='mydata__consequence'>{`· ${c}`}</Text>
          ))}
        </View>
        <Button className='block-button mydata__leave' size='large' block onClick={() => setState({ status: 'second', ask: state.ask })}>
          我已了解，继续注销
        </Button>
      </Screen>
    );
  }

  const busy = state.status === 'leaving';
  return (
    <Screen className='mydata'>
      <Text className='mydata__title page-title'>确定注销吗？</Text>
      <Text className='mydata__lead'>注销后不能恢复。以后再用近邻，需要重新登记。</Text>
      <Button className='block-button mydata__leave' type='primary' size='large' block disabled={busy} onClick={() => void onLeave(state.ask)}>
        {busy ? '正在注销…' : '确定注销'}
      </Button>
      <Button className='block-button' size='large' block disabled={busy} onClick={() => setState({ status: 'first', ask: state.ask })}>
        不注销了
      </Button>
    </Screen>
  );
}
