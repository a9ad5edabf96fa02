/**
 * The way in, for a WeChat user nobody has registered yet (whoAmI answers NotRegistered) or a person
 * who does not live in any building: how to register, their registration if they made one (its status
 * and a way to it), and 扫码登记. One main action: 扫码登记, or reading the registration they wait on.
 */
import { Text, View } from '@tarojs/components';
import type { RegistrationView } from '../core/api';
import { Button } from './nut';
import { RegistrationChip } from './RegistrationChip';
import { open, PAGES, scanToJoin } from '../utils/nav';
import './registration.scss';

export function WayIn({ title, howTo, registration }: { title: string; howTo: string; registration: RegistrationView | null }) {
  // Waiting on a registration, or through already: reading it is the main thing; else scanning.
  const reading = registration !== null && registration.status !== 'rejected';
  return (
    <View className='way-in'>
      <View className='card'>
        <Text className='way-in__title page-title'>{title}</Text>
        <Text className='way-in__text'>{howTo}</Text>
      </View>

      {registration && (
        <View className='card way-in__mine' hoverClass='way-in__mine--pressed' onClick={() => open(PAGES.registerStatus)}>
          <Text className='way-in__label'>我的登记</Text>
          <RegistrationChip status={registration.status} />
          <Text className='way-in__where trail'>{`${registration.trail} ${registration.doorLabel}`}</Text>
          {registration.status === 'rejected' && registration.rejectReason && <Text className='way-in__text'>{`原因：${registration.rejectReason}`}</Text>}
        </View>
      )}

      {reading && (
        <Button className='way-in__action' type='primary' size='large' block onClick={() => open(PAGES.registerStatus)}>
          查看登记进度
        </Button>
      )}
      <Button className={`way-in__action${reading ? ' way-in__action--plain' : ''}`} type={reading ? 'default' : 'primary'} size='large' block onClick={() => void scanToJoin()}>
        扫码登记
      </Button>
    </View>
  );
}
