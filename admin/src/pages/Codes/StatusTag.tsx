import { Tag } from 'antd';
import type { CodeStatus } from '../../api';

/** Colour only helps the eye: the tag's text (可用, 已作废, …) says the status. */
const COLOR: Record<CodeStatus, string> = {
  active: 'green',
  not_yet_valid: 'blue',
  expired: 'default',
  revoked: 'red',
  used_up: 'orange',
};

export function CodeStatusTag({ status, label }: { status: CodeStatus; label: string }) {
  return (
    <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {label}
    </Tag>
  );
}
