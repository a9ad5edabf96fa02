import { Tag } from 'antd';
import type { Status } from '../../api';

const COLOR: Record<Status, string> = {
  submitted: 'blue',
  responded: 'processing',
  transferred: 'purple',
  needs_info: 'gold',
  resolved: 'green',
  closed: 'default',
  rejected: 'default',
};

export function StatusTag({ status, label }: { status: Status; label: string }) {
  return (
    <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
