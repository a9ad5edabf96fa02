/**
 * A lecture's page (讲座详情, the page notices link to): what, who, when, where, for whom, the seats
 * left; then the one thing to do — sign up (or join the waiting list), show one's code, see one's
 * place — or why not now. A refusal (signed up already, outside the window, not open to one's units,
 * cancelled) is said in the server's words above the lecture.
 */
import { useCallback, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { LectureDetail } from '../../core/api';
import { Failed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { cancelLectureSignup, lectureDetail, signUpForLecture } from '../../services/lectures';
import { askForNotices } from '../../services/subscribe';
import { open, readParam } from '../../utils/nav';
import { formatWhen } from '../../utils/time';
import { LECTURE_PAGES } from '../urls';
import { seatsLine, speakerLine, whenLine, windowLine } from '../words';
import { MinePanel } from './MinePanel';
import { SignUpPanel } from './SignUpPanel';
import '../lectures.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; lecture: LectureDetail };
type Note = { tone: 'error' | 'info'; text: string } | null;

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='ldetail__row'>
      <Text className='ldetail__label'>{label}</Text>
      <Text className='ldetail__value'>{value}</Text>
    </View>
  );
}

/** What signing up came to, in a sentence. */
function signedUpNote(l: LectureDetail): string {
  const m = l.mine!;
  return m.status === 'confirmed' ? '报名成功！入场时出示下面的报名码。' : `座位已满，您已排在候补第 ${m.place ?? '?'} 位。有人取消时按顺序递补，递补成功会通知您。`;
}

export default function LectureDetailPage() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'failed', message: '没有指明是哪一场讲座，请从社区讲堂里点开' });
    const result = await lectureDetail(id);
    setState(result.ok ? { status: 'ready', lecture: result.data } : { status: 'failed', message: result.message });
  }, [id]);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const signUp = async (companions: number) => {
    // First, inside the tap: WeChat shows its panel (reminder, promotion, cancellation) only from a tap's own call stack.
    void askForNotices('lectureSignUp');
    if (busy) return;
    setBusy(true);
    const result = await signUpForLecture(id, companions);
    setBusy(false);
    if (result.ok) {
      setState({ status: 'ready', lecture: result.data });
      setNote({ tone: 'info', text: signedUpNote(result.data) });
    } else {
      setNote({ tone: 'error', text: result.message });
      // What changed meanwhile (a seat taken, the lecture cancelled) shows with the refusal.
      void load();
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  const cancel = async (waiting: boolean) => {
    const answer = await Taro.showModal({
      title: waiting ? '不候补了' : '取消报名',
      content: waiting ? '确定不再候补这场讲座吗？以后再报名要重新排队。' : '确定取消报名吗？座位会让给候补的人，以后再报名要重新排队。',
      confirmText: waiting ? '不候补了' : '取消报名',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    });
    if (!answer.confirm) return;
    setBusy(true);
    const result = await cancelLectureSignup(id);
    setBusy(false);
    if (result.ok) {
      setState({ status: 'ready', lecture: result.data });
      setNote({ tone: 'info', text: waiting ? '已不再候补。' : '已取消报名，座位已让出。' });
    } else setNote({ tone: 'error', text: result.message });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const { lecture } = state;
  const now = Date.now();
  const speaker = speakerLine(lecture.speaker);
  const cancelled = lecture.status === 'cancelled';
  const ended = now >= lecture.endsAt;
  const window = windowLine(lecture, now);

  return (
    <Screen className='lectures ldetail'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='lectures__title page-title'>{lecture.title}</Text>
      {cancelled && <Text className='message message--error'>✕ 这场讲座已取消，不用再来了。</Text>}
      {lecture.pictureUrl && <Image className='ldetail__picture' src={lecture.pictureUrl} mode='aspectFill' aria-label='讲座图片' />}

      <View className='card'>
        {speaker && <Row label='主讲' value={speaker} />}
        {lecture.speaker?.field && <Row label='领域' value={lecture.speaker.field} />}
        <Row label='时间' value={whenLine(lecture, now)} />
        <Row label='地点' value={lecture.venue} />
        <Row label='报名范围' value={lecture.audience.map((u) => u.name).join('、') || lecture.community.name} />
        {!cancelled && <Row label='座位' value={seatsLine(lecture)} />}
        {!cancelled && <Row label='报名时间' value={`${formatWhen(lecture.signupFrom, now)} 至 ${formatWhen(lecture.signupUntil, now)}`} />}
      </View>

      {!cancelled && lecture.mine && (
        <MinePanel lecture={lecture} mine={lecture.mine} busy={busy} now={now} onCancel={() => void cancel(lecture.mine!.status === 'waiting')} onAttend={() => open(LECTURE_PAGES.attend)} />
      )}
      {!cancelled && !lecture.mine && lecture.signupOpen && <SignUpPanel lecture={lecture} busy={busy} onSignUp={(n) => void signUp(n)} />}
      {!cancelled && !lecture.mine && !lecture.signupOpen && (
        <View className='card'>
          <Text className='ldetail__state ldetail__state--off'>{ended ? '讲座已结束' : (window ?? '现在不能报名')}</Text>
          {!ended && now < lecture.signupFrom && <Text className='ldetail__say'>到报名时间再来点“报名”。</Text>}
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>讲座介绍</Text>
        <Text className='ldetail__text'>{lecture.description}</Text>
      </View>
    </Screen>
  );
}
