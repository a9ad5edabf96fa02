import type { FormInstance } from 'antd';
import { api } from '../../api';
import type { RegistrationQueueItem, RegistrationView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';

interface Props {
  item: RegistrationQueueItem;
  onRejected(r: RegistrationView): void;
  /** A failure: the page tells the person (and reloads when the queue was out of date); the form keeps what was typed. */
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

/** Reasons approvers give most, to start from: the applicant reads the reason and can put it right. */
const COMMON = ['门牌号不对，请核对后重新登记', '经核实不是这栋楼的住户', '请填写真实姓名后重新登记', '电话打不通，请填写本人常用的手机号'];

/** 不通过: with a reason the applicant reads (in their registration, and as a message if they are a resident already). */
export function RejectModal({ item, onRejected, onFailed, onClose }: Props) {
  return (
    <ReasonModal
      title={`不通过${item.name}的登记`}
      okText="不通过"
      name="rejectRegistration"
      context={`${item.trail} · ${item.doorLabel || '没有填门牌'} · ${item.phone}`}
      notice={{ type: 'info', text: '申请人会看到您写的原因。请写清楚哪里不对、怎么改，改正后可以用同一个码重新登记。' }}
      label="不通过的原因"
      required="请填写不通过的原因，申请人会看到"
      placeholder="如：门牌号不对，请核对后重新登记"
      common={COMMON}
      onSubmit={async (v) => onRejected(await api.registration.reject({ id: item.id, version: item.version, reason: v.reason }))}
      onFailed={onFailed}
      onClose={onClose}
    />
  );
}
