/**
 * One's own sign-up on the lecture's page: the seat with its code to show at the door (and 现场签到
 * while the venue's code is taken), or the place on the waiting list; and cancelling it.
 */
import { Text, View } from '@tarojs/components';
import type { LectureDetail, MySignup } from '../../core/api';
import { venueWindow } from '../../core/lecture-attendance';
import { Button } from '../../components/nut';
import { formatWhen } from '../../utils/time';
import { TicketCode } from '../TicketCode';
import { partyLabel } from '../words';

interface Props {
  lecture: LectureDetail;
  mine: MySignup;
  busy: boolean;
  onCancel: () => void;
  onAttend: () => void;
  now?: number;
}

export function MinePanel({ lecture, mine, busy, onCancel, onAttend, now = Date.now() }: Props) {
  const { opens, closes } = venueWindow(lecture);
  const atVenue = mine.status === 'confirmed' && mine.attendedAt === null && now >= opens && now < closes;
  const cancellable = now < lecture.startsAt && mine.attendedAt === null;

  return (
    <View className='card'>
      {mine.status === 'confirmed' ? (
        <>
          <Text className='ldetail__state ldetail__state--ok'>{mine.attendedAt !== null ? `✓ 已签到（${formatWhen(mine.attendedAt, now)}）` : '✓ 已报名'}</Text>
          <Text className='ldetail__say'>
            {mine.promotedAt !== null ? `候补成功，为您留了座位（${partyLabel(mine.companions)}）。` : `为您留了座位（${partyLabel(mine.companions)}）。`}
          </Text>
          {mine.ticketCode && mine.attendedAt === null && <TicketCode code={mine.ticketCode} companions={mine.companions} title={lecture.title} />}
          {atVenue && (
            <>
              <Text className='ldetail__say'>人多时不用排队：扫讲堂屏幕上的签到码，自己签到。</Text>
              <Button className='lectures__action' type='primary' size='large' block onClick={onAttend}>
                现场签到
              </Button>
            </>
          )}
        </>
      ) : (
        <>
          <Text className='ldetail__state ldetail__state--wait'>{mine.place !== null ? `⏳ 候补第 ${mine.place} 位` : '⏳ 候补中'}</Text>
          <Text className='ldetail__say'>{`座位已满，您在候补名单上（${partyLabel(mine.companions)}）。有人取消时按顺序递补，递补成功会发消息通知您。`}</Text>
        </>
      )}
      {cancellable && (
        <Button className='lectures__plain' size='large' block disabled={busy} onClick={onCancel}>
          {busy ? '正在取消…' : mine.status === 'waiting' ? '不候补了' : '取消报名'}
        </Button>
      )}
    </View>
  );
}
