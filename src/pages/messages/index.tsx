/** 消息: the person's notices, unread ones marked; a tap reads it and opens what it is about. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageView } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost } from '../../services/api';
import { listMessages, markAllRead, markRead } from '../../services/messages';
import { goToLogin, open } from '../../utils/nav';
import { formatWhen } from '../../utils/time';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; messages: MessageView[]; unread: number; more: boolean };

export default function Messages() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    const result = await listMessages();
    if (result.ok) setState({ status: 'ready', ...result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const readAll = async () => {
    setBusy(true);
    const result = await markAllRead();
    setBusy(false);
    if (result.ok) setState({ ...state, unread: 0, messages: state.messages.map((m) => ({ ...m, read: true })) });
    else void Taro.showToast({ title: result.message, icon: 'none', duration: 2500 });
  };

  const tap = (m: MessageView) => {
    if (!m.read) {
      setState({ ...state, unread: Math.max(0, state.unread - 1), messages: state.messages.map((x) => (x.id === m.id ? { ...x, read: true } : x)) });
      // Reading is a courtesy flag: if it fails, the message only stays bold next time.
      void markRead([m.id]);
    }
    if (m.page) open(m.page);
  };

  const loadMore = async () => {
    const last = state.messages[state.messages.length - 1];
    setBusy(true);
    const result = await listMessages(last.createdAt);
    setBusy(false);
    if (result.ok) setState({ ...state, messages: [...state.messages, ...result.data.messages], more: result.data.more, unread: result.data.unread });
  };

  return (
    <Screen className='msgs'>
      <View className='msgs__head'>
        <Text className='msgs__count'>{state.unread > 0 ? `${state.unread} 条未读` : '没有未读消息'}</Text>
        {state.unread > 0 && (
          <Button size='normal' disabled={busy} onClick={() => void readAll()}>
            全部标为已读
          </Button>
        )}
      </View>
      {state.messages.length === 0 && (
        <View className='card'>
          <Text className='muted'>还没有消息。您反映的问题有进展时，会在这里告诉您。</Text>
        </View>
      )}
      {state.messages.map((m) => (
        <View key={m.id} className={`msg${m.read ? '' : ' msg--unread'}`} hoverClass='msg--pressed' onClick={() => tap(m)}>
          <View className='msg__top'>
            {!m.read && <Text className='msg__new'>未读</Text>}
            <Text className='msg__title'>{m.title}</Text>
          </View>
          {m.body && <Text className='msg__body'>{m.body}</Text>}
          <View className='msg__foot'>
            <Text className='msg__time'>{formatWhen(m.createdAt)}</Text>
            {m.page && <Text className='msg__open'>查看 ›</Text>}
          </View>
        </View>
      ))}
      {state.more && (
        <Button size='large' block disabled={busy} onClick={() => void loadMore()}>
          看更早的消息
        </Button>
      )}
    </Screen>
  );
}
