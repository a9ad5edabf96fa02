import { Alert, Button } from 'antd';
import type { CalendarWarning } from '../../api';
import { can } from '../../core';
import { navigate } from '../../router';
import { scopedBindings, useSession } from '../../session';

/**
 * Next year's holidays are not entered: every staff member's deadlines would count them as working days.
 * Everyone is told; street staff, who enter them, get the way there.
 */
export function CalendarWarningAlert({ warning }: { warning: CalendarWarning }) {
  const { me } = useSession();
  const mayEnter = can(scopedBindings(me), 'calendar.manage', warning.street);
  const open = () => navigate('holidays', { search: `year=${warning.year}` });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-warning"
      title={`${warning.year}年节假日安排尚未录入，截止时间计算将只按周末放假。请街道工作人员在「节假日」页录入国务院办公厅通知。`}
      action={
        <Button type={mayEnter ? 'primary' : 'default'} onClick={open}>
          {mayEnter ? '去录入' : '查看节假日'}
        </Button>
      }
    />
  );
}
