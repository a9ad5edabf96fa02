/**
 * Signing up in one tap: the seat, or a place on the waiting list when the seats are taken (said on
 * the button before the tap), with companions when the lecture allows them. Shown only while sign-ups
 * are taken; the lecture's page says when they are otherwise.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LectureDetail } from '../../core/api';
import { Button } from '../../components/nut';
import { partyLabel, seatFor } from '../words';
import { Companions } from './Companions';

export function SignUpPanel({ lecture, busy, onSignUp }: { lecture: LectureDetail; busy: boolean; onSignUp: (companions: number) => void }) {
  const [companions, setCompanions] = useState(0);
  const max = Math.min(lecture.companionsAllowed, Math.max(0, lecture.capacity - 1));
  const seat = seatFor(lecture, companions);
  return (
    <View className='card'>
      {max > 0 && <Companions value={companions} max={max} onChange={setCompanions} />}
      <Text className='ldetail__say'>
        {seat
          ? `有座位：报名后就给您留座（${partyLabel(companions)}，${1 + companions} 个座位）。`
          : `座位不够了，可以先候补（${partyLabel(companions)}）：有人取消时按报名先后递补，递补成功会通知您。`}
      </Text>
      <Button className='lectures__action' type='primary' size='large' block disabled={busy} onClick={() => onSignUp(companions)}>
        {busy ? '正在报名…' : seat ? '报名' : '排队候补'}
      </Button>
    </View>
  );
}
