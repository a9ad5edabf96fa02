import { Alert, Button } from 'antd';
import { usePendingCount } from '../../approvals';
import { approvalRoots } from '../../core';
import { navigate } from '../../router';
import { scopedBindings, useSession } from '../../session';

/** Newcomers waiting to be let in: said on the first page staff open, with the way to the queue. */
export function PendingApprovalsAlert() {
  const { me } = useSession();
  const waiting = usePendingCount(approvalRoots(scopedBindings(me)).length > 0);
  if (!waiting) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="pending-approvals"
      title={`有 ${waiting} 份入住登记等待审核：新居民要等审核通过后才能使用近邻`}
      action={
        <Button type="primary" onClick={() => navigate('approvals')}>
          去审核
        </Button>
      }
    />
  );
}
