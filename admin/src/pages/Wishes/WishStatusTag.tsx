/** A wish's status as a tag: the words say it, the colour only helps. */
import { Tag } from 'antd';
import type { WishStatus } from '../../../../src/core/wishes';

const COLOR: Record<WishStatus, string> = {
  pending: 'gold',
  open: 'blue',
  claimed: 'cyan',
  fulfilled: 'purple',
  confirmed: 'green',
  rejected: 'default',
  expired: 'default',
  withdrawn: 'default',
};

export function WishStatusTag({ status, label }: { status: WishStatus; label: string }) {
  return <Tag color={COLOR[status]}>{label}</Tag>;
}
