/** The ways on from a points page (积分超市 ›, 积分公示栏 ›, 记录服务 ›): each a tap target of its own, underlined so it reads as a link. */
import { Text, View } from '@tarojs/components';
import { open } from '../utils/nav';

export function PointsLinks({ links }: { links: { words: string; page: string }[] }) {
  return (
    <View className='points__links'>
      {links.map((l) => (
        <View key={l.page} className='points__link' role='link' hoverClass='points__link--pressed' onClick={() => open(l.page)}>
          <Text>{`${l.words} ›`}</Text>
        </View>
      ))}
    </View>
  );
}
