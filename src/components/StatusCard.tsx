/**
 * A way-in status page's pieces (我的登记, 我的报到): the latest record as a card — its status chip,
 * what it means in a sentence, the reason when there is one, then its rows — and the earlier records
 * below, each a chip and two lines. The pages say the words; this draws them alike.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from './nut';
import { Screen } from './Screen';
import './status-card.scss';

/** The main button of a status page (60 tall, the way in's). */
export function StatusAction({ children, onClick }: { children: string; onClick: () => void }) {
  return (
    <Button className='join__action' type='primary' size='large' block onClick={onClick}>
      {children}
    </Button>
  );
}

/**
 * The records could not be read: the server's words and one button — `instead` when the page knows a
 * better way on (nobody to show: sign in, scan), else 重新加载. `children`: a second way, in words.
 */
export function StatusFailed({ message, instead, onRetry, children }: { message: string; instead?: { words: string; onClick: () => void } | null; onRetry: () => void; children?: ReactNode }) {
  return (
    <Screen className='join'>
      <Text className='message message--error'>{message}</Text>
      {instead ? <StatusAction onClick={instead.onClick}>{instead.words}</StatusAction> : <StatusAction onClick={onRetry}>重新加载</StatusAction>}
      {children}
    </Screen>
  );
}

/** No records yet: the page's title, how to begin, and the button that does. */
export function StatusNone({ title, say, action, onAction }: { title: string; say: string; action: string; onAction: () => void }) {
  return (
    <Screen className='join'>
      <Text className='status-page__title page-title'>{title}</Text>
      <View className='card'>
        <Text className='status-card__say'>{say}</Text>
      </View>
      <StatusAction onClick={onAction}>{action}</StatusAction>
    </Screen>
  );
}

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
