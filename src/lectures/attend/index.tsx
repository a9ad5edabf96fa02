/**
 * 现场签到 for crowds: the attendee scans the code on the venue's screen with the scan button here.
 * Opened from a `venue` code's landing page (`?code=` is that code, already resolved there) and from
 * the lecture's page around its start. The screen's code changes every few minutes and works only for
 * people signed up to that lecture, from an hour before the start to an hour after; anything else is
 * refused in the server's words (a photo of the screen posted in a group has expired).
 */
import { useState } from 'react';
import { Text } from '@tarojs/components';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import { attendByVenueCode } from '../../services/lectures';
import { open } from '../../utils/nav';
import { Scanned, type ScanOutcome } from '../Scanned';
import { ScanInput } from '../ScanInput';
import { LECTURE_PAGES } from '../urls';
import '../lectures.scss';

export default function AttendByVenueCode() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);

  const onScanned = async (text: string) => {
    setBusy(true);
    const result = await attendByVenueCode(text);
    setBusy(false);
    setOutcome(result.ok ? { ok: true, marked: result.data } : { ok: false, message: result.message });
  };

  const done = outcome?.ok === true;
  return (
    <Screen className='lectures'>
      <Text className='lectures__title page-title'>现场签到</Text>
      {!done && <Text className='lectures__lead'>请扫讲堂屏幕上正在显示的签到码。报了名的人，在讲座开始前一小时到开始后一小时之间可以签到。</Text>}
      {outcome && <Scanned outcome={outcome} self />}
      {done ? (
        <Button className='lectures__action' size='large' block onClick={() => open(LECTURE_PAGES.mine)}>
          看我的报名
        </Button>
      ) : (
        <ScanInput label={outcome ? '再扫一次' : '扫屏幕上的签到码'} typedLabel='签到码的内容' busy={busy} onScanned={(t) => void onScanned(t)} />
      )}
    </Screen>
  );
}
