/**
 * 我的报到 on 我的, for someone who has checked in (whatever came of it): one button that says the status
 * in words and opens the record. Nothing for anyone else. In the main package (under its 500 KB budget),
 * so it is one button and carries no styles of its own.
 */
import Taro from '@tarojs/taro';
import type { CheckinView } from '../core/api';
import { Button } from '../components/nut';
import { MEMBER_PAGES } from './urls';

export function MyCheckinEntry({ checkin }: { checkin: CheckinView | null }) {
  if (!checkin) return null;
  return (
    <Button className='block-button' size='large' block onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.mine })}>
      {`我的报到（${checkin.statusLabel}）`}
    </Button>
  );
}
