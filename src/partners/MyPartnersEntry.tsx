/**
 * 我的共建单位 on 我的: only for someone who acts for a partner organisation (its 联络人, or an in-service
 * member linked to it). Anyone registered may be named a contact, so there is no role to go by: it asks
 * `partners.mine` each time 我的 shows, and shows nothing until the answer names a partner. In the main
 * package, which is near its 500 KB limit: no styles of its own, as little code as it can.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Me } from '../core/api';
import { Button } from '../components/nut';
import { myPartners } from '../services/partners';
import { PARTNER_PAGES } from './urls';

export function MyPartnersEntry({ me }: { me: Me }) {
  const [names, setNames] = useState<string[]>([]);

  // `me` is a new object at every show of 我的: the entry follows a contact named or a link ended meanwhile.
  useEffect(() => {
    void myPartners().then((r) => setNames(r.ok ? r.data.partners.map((p) => p.partner.name) : []));
  }, [me]);

  return names.length ? (
    <View className='card'>
      <Text className='section-title'>{`共建单位：${names.join('、')}`}</Text>
      <Button className='block-button' size='large' block onClick={() => void Taro.navigateTo({ url: PARTNER_PAGES.index })}>
        我的共建单位
      </Button>
    </View>
  ) : null;
}
