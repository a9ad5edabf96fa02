/**
 * 我的联户 on 我的: only for a member with households paired now. Asks for them only when the person
 * holds `member` somewhere, so residents' 我的 makes no extra call. In the main package, which is near
 * its 500 KB limit: it carries no styles of its own and as little as it can.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Me } from '../core/api';
import { Button } from '../components/nut';
import { myPairings } from '../services/pairings';
import { PAIRING_PAGES } from './urls';

export function MyPairingsEntry({ me }: { me: Me }) {
  const [active, setActive] = useState(0);

  // `me` is a new object at every show of 我的: the count follows new and ended pairings.
  useEffect(() => {
    if (me.bindings.some((b) => b.role === 'member')) void myPairings().then((r) => setActive(r.ok ? r.data.pairings.filter((p) => p.status === 'active').length : 0));
  }, [me]);

  return active ? (
    <View className='card'>
      <Text className='section-title'>{`联户走访：您结对联系 ${active} 户`}</Text>
      <Button className='block-button' size='large' block onClick={() => void Taro.navigateTo({ url: PAIRING_PAGES.mine })}>
        我的联户
      </Button>
    </View>
  ) : null;
}
