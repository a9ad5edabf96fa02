/**
 * A way-in status page's pieces (我的登记, 我的报到): the latest record as a card — its status chip,
 * what it means in a sentence, the reason when there is one, then its rows — and the earlier records
 * below, each a chip and two lines. The pages say the words; this draws them alike.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './status-card.scss';

export function StatusRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='status-card__row'>
      <Text className='status-card__label'>{label}</Text>
      <Text className='status-card__value'>{value}</Text>
    </View>
  );
}

export function StatusCard({ chip, say, reason, children }: { chip: ReactNode; say: string; reason?: string | null; children: ReactNode }) {
  return (
    <View className='card status-card'>
      <View className='status-card__head'>{chip}</View>
      <Text className='status-card__say'>{say}</Text>
      {reason && <Text className='status-card__reason'>{reason}</Text>}
      {children}
    </View>
  );
}

/** An earlier record: its chip, where (a trail), and when with what came of it. */
export interface EarlierRecord {
  id: string;
  chip: ReactNode;
  where: string;
  line: string;
}

export function EarlierRecords({ title, records }: { title: string; records: EarlierRecord[] }) {
  if (records.length === 0) return null;
  return (
    <>
      <Text className='status-page__earlier'>{title}</Text>
      {records.map((r) => (
        <View key={r.id} className='status-earlier'>
          {r.chip}
          <Text className='status-earlier__where trail'>{r.where}</Text>
          <Text className='status-earlier__where'>{r.line}</Text>
        </View>
      ))}
    </>
  );
}
