/**
 * A registration's status as a chip: an icon and the words, with a colour only as an extra (a status
 * is never told by colour alone). Used wherever an applicant or an approver sees one.
 */
import { Text } from '@tarojs/components';
import { REGISTRATION_STATUS_LABEL, type RegistrationStatus } from '../core/registrations';
import './registration.scss';

export const REGISTRATION_ICON: Record<RegistrationStatus, string> = {
  pending: '⏳',
  approved: '✓',
  rejected: '✕',
};

export function RegistrationChip({ status }: { status: RegistrationStatus }) {
  return <Text className={`reg-chip reg-chip--${status}`}>{`${REGISTRATION_ICON[status]} ${REGISTRATION_STATUS_LABEL[status]}`}</Text>;
}
