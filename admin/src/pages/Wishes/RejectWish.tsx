/** 不通过 a wish waiting for approval, with a reason the wisher (or their lead) reads: it is not published. */
import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { WishView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';

const COMMON = ['心愿内容不适合公开征集', '超出微心愿的范围，请联系社区办理', '心愿写得不够清楚，请补充后重新提交', '含有姓名、门牌等个人信息'];

interface Props {
  wish: Pick<WishView, 'id' | 'version' | 'what' | 'forWhom' | 'byDate' | 'place'>;
  onRejected(w: WishView): void;
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

export function RejectWish({ wish, onRejected, onFailed, onClose }: Props) {
  return (
    <ReasonModal<{ reason: string }>
      title="不通过这个心愿"
      okText="不通过"
      name="rejectWish"
      context={`${wish.what} · 为${wish.forWhom} · ${wish.place} · 希望 ${wish.byDate} 前实现`}
      notice={{ type: 'info', text: '不通过的心愿不会公开，许愿的居民（或代为提交的楼栋长）会看到下面的原因。' }}
      label="不通过的原因（许愿人能看到）"
      required="请填写不通过的原因"
      placeholder={`如：${COMMON[0]}`}
      common={COMMON}
      onSubmit={async (v) => onRejected(await api.wishes.reject({ id: wish.id, version: wish.version, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
