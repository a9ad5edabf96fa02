/**
 * 积分明细: one line an entry, newest first — why (the reason as the ledger keeps it), when (the one way
 * dates are written) and what kind, the points with their sign in words too, and the balance after.
 */
import { Text, View } from '@tarojs/components';
import type { PointsEntryView } from '../../core/api';
import { formatDay } from '../../utils/time';
import { signed, signedWords } from '../words';

export function Ledger({ entries, now = Date.now() }: { entries: PointsEntryView[]; now?: number }) {
  return (
    <View className='ledger' aria-label='积分明细'>
      {entries.map((e) => (
        <View key={e.id} className='ledger__row' aria-label={`${formatDay(e.at, now)}，${e.reason}，${signedWords(e.points)}，余 ${e.balanceAfter} 分`}>
          <View className='ledger__what'>
            <Text className='ledger__reason'>{e.reason}</Text>
            <Text className='ledger__meta'>{`${formatDay(e.at, now)} · ${e.kindLabel}`}</Text>
          </View>
          <View className='ledger__figures'>
            <Text className={`ledger__points ledger__points--${e.points > 0 ? 'in' : 'out'}`}>{signed(e.points)}</Text>
            <Text className='ledger__after'>{`余 ${e.balanceAfter}`}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
