/**
 * 我的报名 (the page notices link to): one's sign-ups, lectures to come first. A seat shows its
 * personal sign-up code, drawn as a QR code for staff to scan at the door; a waiting sign-up shows its
 * place. Each can be cancelled until the lecture starts; a freed seat goes to the waiting list.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { MySignupView } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { cancelLectureSignup, mySignups } from '../../services/lectures';
import { open } from '../../utils/nav';
import { LECTURE_PAGES, lectureUrl } from '../urls';
import { SignupItem } from './SignupItem';
import '../lectures.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; signups: MySignupView[] };

export default function MySignups() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await mySignups();
    setState(result.ok ? { status: 'ready', signups: result.data.signups } : { status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = async (s: MySignupView) => {
    const waiting = s.status === 'waiting';
    const answer = await Taro.showModal({
      title: waiting ? '不候补了' : '取消报名',
      content: `${waiting ? '确定不再候补' : '确定取消报名'}《${s.lecture.title}》吗？${waiting ? '' : '座位会让给候补的人，'}以后再报名要重新排队。`,
      confirmText: waiting ? '不候补了' : '取消报名',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    });
    if (!answer.confirm) return;
    setBusy(s.lectureId);
    const result = await cancelLectureSignup(s.lectureId);
    setBusy(null);
    setNote(result.ok ? { tone: 'info', text: `已${waiting ? '不再候补' : '取消报名'}《${s.lecture.title}》。` } : { tone: 'error', text: result.message });
    if (result.ok) await load();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const now = Date.now();
  return (
    <Screen className='lectures'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='lectures__title page-title'>我的报名</Text>
      {state.signups.length === 0 ? (
        <>
          <View className='card'>
            <Text className='lectures__empty'>您还没有报名讲座。</Text>
          </View>
          <Button className='lectures__action' type='primary' size='large' block onClick={() => open(LECTURE_PAGES.list)}>
            去看看社区讲堂
          </Button>
        </>
      ) : (
        state.signups.map((s) => (
          <SignupItem key={s.lectureId} signup={s} now={now} busy={busy === s.lectureId} onOpen={() => open(lectureUrl(s.lectureId))} onCancel={() => void cancel(s)} />
        ))
      )}
    </Screen>
  );
}
