/**
 * One paired household on 我的联户: where (the door in big letters), its kinds, whom to ask for, the
 * visits so far, and one action: 记录走访. An ended pairing says so in words and has no action.
 */
import { Text, View } from '@tarojs/components';
import type { PairingView } from '../../core/api';
import { Button } from '../../components/nut';
import { contactOf, visitsSaying } from '../words';

export function Household({ pairing: p, onVisit }: { pairing: PairingView; onVisit?: () => void }) {
  const contact = contactOf(p);
  const ended = p.status !== 'active';
  return (
    <View className={`household${ended ? ' household--ended' : ''}`}>
      <Text className='household__where trail'>{p.household.trail}</Text>
      <Text className='household__door'>{p.household.doorLabel}</Text>
      {p.kinds && p.kinds.length > 0 && (
        <View className='household__kinds' aria-label='户类别'>
          {p.kinds.map((k) => (
            <Text key={k} className='household__kind'>
              {k}
            </Text>
          ))}
        </View>
      )}
      {contact && <Text className='household__line'>{`联系人：${contact}`}</Text>}
      <Text className='household__line'>{visitsSaying(p)}</Text>
      {ended ? (
        <Text className='household__ended'>{`✕ ${p.statusLabel}${p.endReason ? `：${p.endReason}` : ''}`}</Text>
      ) : (
        <Button className='household__visit' type='primary' size='large' block onClick={onVisit}>
          记录走访
        </Button>
      )}
    </View>
  );
}
