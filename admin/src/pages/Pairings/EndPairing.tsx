/** 解除结对 with a reason (the shared ReasonModal): the pairing and its visits stay on record. */
import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { PairingView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';

const COMMON = ['住户已搬离', '住户已去世', '党员已转出本小区', '调整结对，由其他党员接手'];

interface Props {
  pairing: PairingView;
  onEnded(p: PairingView): void;
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

export function EndPairing({ pairing, onEnded, onFailed, onClose }: Props) {
  return (
    <ReasonModal<{ reason: string }>
      title={`解除${pairing.member.name}的结对`}
      okText="解除结对"
      name="endPairing"
      context={`${pairing.household.trail} ${pairing.household.doorLabel}${pairing.contactName ? ` · 联系人 ${pairing.contactName}` : ''} · 已走访 ${pairing.visits} 次`}
      notice={{ type: 'info', text: '解除后党员不能再记录这一户的走访；结对和走访记录都会保留，以后可以重新结对。' }}
      label="解除原因"
      required="请填写解除结对的原因"
      placeholder={`如：${COMMON[0]}`}
      common={COMMON}
      onSubmit={async (v) => onEnded(await api.pairings.end({ id: pairing.id, version: pairing.version, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
