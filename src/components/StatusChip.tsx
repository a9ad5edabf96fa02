import { Text } from '@tarojs/components';
import type { Status } from '../core/reports/machine';
import { STATUS_TONE } from '../utils/report';
import './components.scss';

export function StatusChip({ status, label }: { status: Status; label: string }) {
  return <Text className={`status status--${STATUS_TONE[status]}`}>{label}</Text>;
}
