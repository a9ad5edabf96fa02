/** One sign-up in 我的报名: the lecture, the seat and its code (or the place on the waiting list), and cancelling it. */
import { Text, View } from '@tarojs/components';
import type { MySignupView } from '../../core/api';
import { Button } from '../../components/nut';
import { Chip } from '../Chip';
import { TicketCode } from '../TicketCode';
import { mineChip, partyLabel, whenLine } from '../words';

interface Props {
  signup: MySignupView;
  busy: boolean;
  now: number;
  onOpen: () => void;
  onCancel: () => void;
}

export function SignupItem({ signup, busy, now, onOpen, onCancel }: Props) {
  const { lecture } = signup;
  const cancelled = lecture.status === 'cancelled';
  const ended = now >= lecture.endsAt;
  const cancellable = !cancelled && now < lecture.startsAt && signup.attendedAt === null;
  const showCode = !cancelled && !ended && signup.status === 'confirmed' && signup.attendedAt === null && signup.ticketCode;
  return (
    <View className={`card lsignup${cancelled || ended ? ' lsignup--past' : ''}`}>
      <View className='lsignup__head' role='link' hoverClass='lcard--pressed' onClick={onOpen}>
        <Text className='lcard__title'>{`${lecture.title} ›`}</Text>
        <Text className='lcard__line'>{`时间：${whenLine(lecture, now)}`}</Text>
        <Text className='lcard__line'>{`地点：${lecture.venue}`}</Text>
        <Text className='lcard__line'>{`人数：${partyLabel(signup.companions)}`}</Text>
      </View>
      <View className='lcard__chips'>
        {cancelled ? <Chip tone='bad' label='✕ 讲座已取消' /> : <Chip {...mineChip(signup)} />}
        {ended && !cancelled && <Chip tone='off' label='已结束' />}
      </View>
      {signup.status === 'waiting' && !cancelled && !ended && <Text className='ldetail__say'>有人取消时按顺序递补，递补成功会发消息通知您。</Text>}
      {showCode && <TicketCode code={signup.ticketCode!} companions={signup.companions} title={lecture.title} />}
      {cancellable && (
        <Button className='lectures__plain' size='large' block disabled={busy} onClick={onCancel}>
          {signup.status === 'waiting' ? '不候补了' : '取消报名'}
        </Button>
      )}
    </View>
  );
}
