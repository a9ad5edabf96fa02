/**
 * What the reader may do with the wish now, as the server's `can` says: one main button (认领, 实现心愿
 * or 确认已实现) and, below it, the lesser way (退回, 撤回) as a plain button. Whoever cannot claim an
 * open wish reads who can.
 */
import { Text, View } from '@tarojs/components';
import type { WishView } from '../../core/api';
import { Button } from '../../components/nut';
import { WHO_CLAIMS } from '../who';
import { AUTO_CONFIRM_NOTE, autoConfirmDay } from '../words';

interface Props {
  wish: WishView;
  /** The reader is a member or volunteer (may claim some wish, if not this one). */
  claimer: boolean;
  busy: boolean;
  onClaim: () => void;
  onFulfil: () => void;
  onGiveBack: () => void;
  onConfirm: () => void;
  onWithdraw: () => void;
}

export function Actions({ wish, claimer, busy, onClaim, onFulfil, onGiveBack, onConfirm, onWithdraw }: Props) {
  const { can } = wish;
  return (
    <View className='wactions'>
      {can.claim && (
        <>
          <Text className='wishes__say'>认领后能看到联系人的电话和门牌。</Text>
          <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={onClaim}>
            {busy ? '正在认领…' : '认领这个心愿'}
          </Button>
        </>
      )}
      {!can.claim && wish.status === 'open' && !claimer && <Text className='message message--info'>{WHO_CLAIMS}</Text>}
      {can.fulfil && (
        <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={onFulfil}>
          实现心愿
        </Button>
      )}
      {can.confirm && (
        <>
          {wish.fulfilledAt !== null && <Text className='wishes__say'>{`${AUTO_CONFIRM_NOTE}（${autoConfirmDay(wish.fulfilledAt)}）。`}</Text>}
          <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
            {busy ? '正在确认…' : '确认已实现'}
          </Button>
        </>
      )}
      {can.giveBack && (
        <Button className='wishes__plain' size='large' block disabled={busy} onClick={onGiveBack}>
          退回这个心愿
        </Button>
      )}
      {can.withdraw && (
        <Button className='wishes__plain' size='large' block disabled={busy} onClick={onWithdraw}>
          撤回心愿
        </Button>
      )}
    </View>
  );
}
