import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { CheckinQueueItem, CheckinView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';

interface Props {
  item: CheckinQueueItem;
  onReturned(c: CheckinView): void;
  /** A failure: the page tells the person (and reloads when the queue was out of date); the form keeps what was typed. */
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

/** Reasons secretaries give most, to start from: the member reads the reason and can put it right. */
const COMMON = [
  '组织关系所在党支部填写不完整，请写全称后重新报到',
  '党员类型选错了，请核对后重新报到',
  '电话打不通，请填写本人常用的手机号',
  '经核实不在本小区居住或工作，请到所在小区报到',
];

/** 退回: with a reason the member reads (in 我的报到, and as a message if they are a person already). */
export function ReturnModal({ item, onReturned, onFailed, onClose }: Props) {
  return (
    <ReasonModal
      title={`退回${item.name}的报到`}
      okText="退回"
      name="returnCheckin"
      width={580}
      context={`${item.trail} · ${item.memberTypeLabel}党员 · ${item.phone}`}
      notice={{ type: 'info', text: '报到人会在“我的报到”里看到您写的原因。请写清楚哪里不对、怎么改，改正后可以用同一个报到码重新报到。' }}
      label="退回的原因"
      required="请填写退回的原因，报到人会看到"
      placeholder="如：组织关系所在党支部填写不完整，请写全称后重新报到"
      common={COMMON}
      onSubmit={async (v) => onReturned(await api.members.return({ id: item.id, version: item.version, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
