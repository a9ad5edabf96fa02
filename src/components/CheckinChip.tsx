/**
 * A check-in's status (党员报到) as a chip: an icon and the words, with a colour only as an extra (a
 * status is never told by colour alone). Used by 我的报到 and the approvers' queue.
 */
import { Text } from '@tarojs/components';
import { CHECKIN_STATUS_LABEL, type CheckinStatus } from '../core/checkins';
import './registration.scss';
import './checkin.scss';

export const CHECKIN_ICON: Record<CheckinStatus, string> = {
  pending: '⏳',
  approved: '✓',
  returned: '↩',
  transferred_out: '→',
  withdrawn: '✕',
};

/** The registration chip's colours (waiting, through, turned away), and grey for a check-in that ended. */
const TONE: Record<CheckinStatus, 'pending' | 'approved' | 'rejected' | 'ended'> = {
  pending: 'pending',
  approved: 'approved',
  returned: 'rejected',
  transferred_out: 'ended',
  withdrawn: 'ended',
};

export function CheckinChip({ status }: { status: CheckinStatus }) {
  return <Text className={`reg-chip reg-chip--${TONE[status]}`}>{`${CHECKIN_ICON[status]} ${CHECKIN_STATUS_LABEL[status]}`}</Text>;
}
