/** The list of pairings' columns: member, household and contact, kinds (for those who read them), visits, status, what can be done. */
import { Button, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PairingView } from '../../api';
import { date } from '../../format';

type Place = { path: string };

export interface ColumnOptions {
  /** The person reads kinds over the page's unit: the column shows. */
  writesKindsHere: boolean;
  /** Where the household's building is now: the permission is on its place in the tree. */
  placeOf(r: PairingView): Place;
  mayPair(place: Place): boolean;
  writesKinds(place: Place): boolean;
  onVisits(r: PairingView): void;
  onKinds(r: PairingView): void;
  onEnd(r: PairingView): void;
}

export function pairingColumns(o: ColumnOptions): TableColumnsType<PairingView> {
return [
  { title: '党员', key: 'member', width: 110, render: (_, r) => <Typography.Text strong>{r.member.name}</Typography.Text> },
  {
    title: '住户',
    key: 'household',
    render: (_, r) => (
      <Flex vertical data-testid="pairing-household">
        <span>
          {r.household.trail} {r.household.doorLabel}
        </span>
        {(r.contactName || r.contactPhone) && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            联系人：{[r.contactName, r.contactPhone].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  ...(o.writesKindsHere
    ? [
        {
          title: '户类别',
          key: 'kinds',
          width: 170,
          render: (_: unknown, r: PairingView) =>
            r.kinds === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : r.kinds.length ? (
              <Flex gap={4} wrap>
                {r.kinds.map((k) => (
                  <Tag key={k} style={{ marginInlineEnd: 0 }}>
                    {k}
                  </Tag>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">未设置</Typography.Text>
            ),
        },
      ]
    : []),
  {
    title: '走访',
    key: 'visits',
    width: 150,
    render: (_, r) => (
      <Flex vertical align="flex-start" data-testid="pairing-visits">
        <Typography.Link onClick={() => o.onVisits(r)} title="查看走访记录">
          {r.visits} 次走访
        </Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {r.lastVisitOn ? `最近 ${r.lastVisitOn.replace(/-/g, '/')}` : '还没有走访'}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '状态',
    key: 'status',
    width: 170,
    render: (_, r) => (
      <Flex vertical gap={2} align="flex-start">
        <Tag color={r.status === 'active' ? 'green' : 'default'} data-status={r.status} style={{ marginInlineEnd: 0 }}>
          {r.statusLabel}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {r.endedAt ? `${date(r.endedAt)} 解除` : `${date(r.createdAt)} 结对`}
        </Typography.Text>
        {r.endReason && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, tooltip: r.endReason }}>
            原因：{r.endReason}
          </Typography.Paragraph>
        )}
      </Flex>
    ),
  },
  {
    title: '操作',
    key: 'actions',
    width: 130,
    render: (_, r) => {
      const place = o.placeOf(r);
      if (r.status !== 'active' || !o.mayPair(place)) return <Typography.Text type="secondary">—</Typography.Text>;
      return (
        <Flex gap={12}>
          {o.writesKinds(place) && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => o.onKinds(r)}>
              户类别
            </Button>
          )}
          <Button type="link" size="small" danger style={{ paddingInline: 0 }} onClick={() => o.onEnd(r)}>
            解除
          </Button>
        </Flex>
      );
    },
  },
];
}
