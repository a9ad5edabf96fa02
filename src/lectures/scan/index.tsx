/**
 * Staff at the door (扫码签到): scan the sign-up code an attendee shows in 我的报名, and the seat is
 * marked attended — once; scanning it again says so and changes nothing. Opened with `?id=` for one
 * lecture (another lecture's code is refused), or without, when the code names its lecture. Refusals
 * (not signed up, still waiting, a code from before cancelling, too early) in the server's words.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { readLectureScan } from '../../core/lecture-attendance';
import { Screen } from '../../components/Screen';
import { markAttendance } from '../../services/lectures';
import { readParam } from '../../utils/nav';
import { Scanned, type ScanOutcome } from '../Scanned';
import { ScanInput } from '../ScanInput';
import '../lectures.scss';

const NOT_A_TICKET = '这不是讲座的报名码，请扫参加者手机上“我的报名”里的报名码';

export default function ScanTickets() {
  const router = useRouter();
  const lectureId = readParam(router.params?.id);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [count, setCount] = useState(0);

  const onScanned = async (text: string) => {
    const scanned = readLectureScan(text);
    // The code names its lecture; a page opened for one lecture checks the code against it (the server says which it is).
    const id = lectureId ?? (scanned.kind === 'ticket' ? scanned.lectureId : null);
    if (!id) return setOutcome({ ok: false, message: scanned.kind === 'venue' ? '这是现场签到码，请扫参加者手机上“我的报名”里的报名码' : NOT_A_TICKET });
    setBusy(true);
    const result = await markAttendance(id, text);
    setBusy(false);
    setOutcome(result.ok ? { ok: true, marked: result.data } : { ok: false, message: result.message });
    if (result.ok && result.data.first) setCount((n) => n + 1);
  };

  return (
    <Screen className='lectures'>
      <Text className='lectures__title page-title'>扫码签到</Text>
      <Text className='lectures__lead'>请参加者打开“我的报名”，出示报名码。扫一次就签到了；重复扫不会重复记。</Text>
      {outcome && <Scanned outcome={outcome} self={false} />}
      <ScanInput label={outcome ? '扫下一位' : '扫报名码'} typedLabel='报名码的内容' busy={busy} onScanned={(t) => void onScanned(t)} />
      {count > 0 && (
        <View className='card'>
          <Text className='scanned__say'>{`这次已签到 ${count} 人`}</Text>
        </View>
      )}
    </Screen>
  );
}
