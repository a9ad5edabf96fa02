/**
 * 不通过, a screen of its own (the shared ReasonScreen): the reason is required, since the applicant
 * reads it and may register again; a few common reasons fill the box with one tap.
 */
import type { ComponentProps } from 'react';
import type { RegistrationQueueItem } from '../../core/api';
import { checkReasonOf, ReasonScreen } from '../../components/ReasonScreen';

export { REASON_MAX } from '../../components/ReasonScreen';

const COMMON_REASONS = ['本楼没有这一户', '姓名和这一户的住户对不上', '电话打不通，请联系楼栋长', '请本人来登记'];

export const checkReason = (reason: string): string | null => checkReasonOf(reason, '不通过');

/** The reason, its problem and the two buttons' handlers: the queue's (useDecisionQueue's reasonProps). */
type ReasonProps = Pick<ComponentProps<typeof ReasonScreen>, 'reason' | 'onReason' | 'error' | 'busy' | 'onConfirm' | 'onCancel'>;

export function RejectScreen({ item, ...rest }: { item: RegistrationQueueItem } & ReasonProps) {
  return (
    <ReasonScreen
      className='approvals'
      title={`不通过：${item.name}`}
      trail={`${item.trail} ${item.doorLabel}`}
      label='不通过的原因'
      placeholder='例如：本楼没有 502 室，请核对门牌后重新登记'
      common={COMMON_REASONS}
      confirm='确认不通过'
      {...rest}
    />
  );
}
