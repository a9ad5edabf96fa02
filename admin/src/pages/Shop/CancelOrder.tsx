/** 取消 an order not yet collected, with a reason the person reads: the points and the stock come back (the shared ReasonModal). */
import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { RedemptionView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { dateTime } from '../../format';

const COMMON = ['物品已无货', '超过领取期限未领取', '本人要求取消'];

interface Props {
  order: RedemptionView;
  onCancelled(r: RedemptionView): void;
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

export function CancelOrder({ order, onCancelled, onFailed, onClose }: Props) {
  return (
    <ReasonModal<{ reason: string }>
      title={`取消${order.person.name}的兑换`}
      okText="取消兑换"
      name="cancelOrder"
      context={`${order.goodsName} · ${order.price} 分 · ${dateTime(order.orderedAt)} 兑换`}
      notice={{ type: 'warning', text: `取消后 ${order.price} 分退回${order.person.name}的账户，物品库存加回 1 件。` }}
      label="取消原因（本人能看到）"
      required="请填写取消原因"
      placeholder={`如：${COMMON[0]}`}
      common={COMMON}
      onSubmit={async (v) => onCancelled(await api.points.cancelOrder({ id: order.id, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
