/** The ledger's columns: when, who, how many (signed, in words as well as colour), from what, why, by whom, what was left. */
import { Button, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PointsEntryView } from '../../api';
import { dateTime } from '../../format';

export function signed(points: number): string {
  return points > 0 ? `+${points}` : `${points}`;
}

export function ledgerColumns(onPerson: (p: PointsEntryView['person']) => void): TableColumnsType<PointsEntryView> {
  return [
    { title: '时间', key: 'at', width: 150, render: (_, e) => dateTime(e.at) },
    {
      title: '姓名',
      key: 'person',
      width: 110,
      render: (_, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} title={`只看${e.person.name}的积分`} onClick={() => onPerson(e.person)}>
          {e.person.name}
        </Button>
      ),
    },
    {
      title: '积分',
      key: 'points',
      width: 80,
      align: 'right',
      render: (_, e) => (
        <Typography.Text strong type={e.points < 0 ? 'danger' : 'success'} data-testid="entry-points">
          {signed(e.points)}
        </Typography.Text>
      ),
    },
    { title: '来源', dataIndex: 'kindLabel', width: 120 },
    { title: '原因', dataIndex: 'reason', ellipsis: { showTitle: true } },
    { title: '经办人', key: 'by', width: 100, render: (_, e) => e.grantedBy?.name ?? <Typography.Text type="secondary">系统</Typography.Text> },
    { title: '结余', dataIndex: 'balanceAfter', width: 80, align: 'right' },
  ];
}
