/** What a scan came to: 签到成功 (the first time), 已经签到过了 (a repeat: the first mark stands), or why not, in the server's words. */
import { Text, View } from '@tarojs/components';
import type { AttendanceMarked } from '../core/api';
import { formatWhen } from '../utils/time';
import { partyLabel } from './words';

export type ScanOutcome = { ok: true; marked: AttendanceMarked } | { ok: false; message: string };

export function Scanned({ outcome, self }: { outcome: ScanOutcome; self: boolean }) {
  if (!outcome.ok) {
    return (
      <View className='card scanned scanned--refused' aria-live='polite'>
        <Text className='scanned__state'>✕ 没有签到</Text>
        <Text className='scanned__say'>{outcome.message}</Text>
      </View>
    );
  }
  const m = outcome.marked;
  const who = self ? '您' : m.person.name;
  return (
    <View className={`card scanned${m.first ? '' : ' scanned--again'}`} aria-live='polite'>
      <Text className='scanned__state'>{m.first ? `✓ ${self ? '' : `${m.person.name} `}签到成功` : `✓ ${who}已经签到过了`}</Text>
      <Text className='scanned__say'>{`《${m.lectureTitle}》，${partyLabel(m.seats - 1)}`}</Text>
      <Text className='scanned__say'>{m.first ? `签到时间：${formatWhen(m.attendedAt)}` : `${formatWhen(m.attendedAt)} 已签到（${m.viaLabel}），不用再签。`}</Text>
    </View>
  );
}
