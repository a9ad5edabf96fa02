import { useMemo } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { partyLabel } from './words';
import { qrDataUrl } from './qr';

/** The personal sign-up code (报名码) staff scan at the door, drawn on the phone. */
export function TicketCode({ code, companions, title }: { code: string; companions: number; title: string }) {
  const src = useMemo(() => qrDataUrl(code), [code]);
  return (
    <View className='ticket'>
      <Image className='ticket__img' src={src} mode='aspectFit' aria-label={`《${title}》的报名码`} />
      <Text className='ticket__say'>{`入场时请出示这个报名码（${partyLabel(companions)}），工作人员扫码签到`}</Text>
    </View>
  );
}
