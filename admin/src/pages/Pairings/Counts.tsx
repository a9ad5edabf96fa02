/**
 * 联户 counted under the page's unit: households paired now, visits and the visits that filed a
 * report, per member and (for those who read kinds) per kind. A member's name filters the list.
 */
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { PairingCounts } from '../../api';

type MemberRow = PairingCounts['members'][number];
type KindRow = NonNullable<PairingCounts['kinds']>[number];

const num = (n: number) => <span style={{ fontVariantNumeric: 'tabular-nums', color: n === 0 ? 'rgba(0,0,0,0.35)' : undefined }}>{n}</span>;

export function PairingFigures({ counts, loading }: { counts: PairingCounts | null; loading: boolean }) {
  const t = counts?.total;
  return (
    <Card size="small" loading={loading && !counts} title={<span data-testid="pairing-counts-trail">{counts?.trail ?? '联户统计'}</span>}>
      <Flex gap={48} wrap data-testid="pairing-totals">
        <Statistic title="结对党员" value={t?.members ?? '—'} suffix={t ? '人' : undefined} />
        <Statistic title="结对住户" value={t?.households ?? '—'} suffix={t ? '户' : undefined} />
        <Statistic title="走访" value={t?.visits ?? '—'} suffix={t ? '次' : undefined} />
        <Statistic title="走访中代报的反映" value={t?.reports ?? '—'} suffix={t ? '件' : undefined} />
      </Flex>
    </Card>
  );
}

export function PairingCountTables({ counts, loading, onMember }: { counts: PairingCounts | null; loading: boolean; onMember(id: string): void }) {
  return (
    <Row gutter={16}>
      <Col span={counts?.kinds ? 14 : 24}>
        <Card size="small" title="按党员">
          <Table<MemberRow>
            rowKey={(r) => r.member.id}
            size="small"
            loading={loading}
            dataSource={counts?.members ?? []}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: '还没有结对' }}
            onRow={(r) => ({ 'data-member-count': r.member.name }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: '党员',
                key: 'member',
                render: (_, r) => (
                  <Typography.Link title="只看这位党员的结对" onClick={() => onMember(r.member.id)}>
                    {r.member.name}
                  </Typography.Link>
                ),
              },
              { title: '结对户数', key: 'households', align: 'right', render: (_, r) => num(r.households) },
              { title: '走访次数', key: 'visits', align: 'right', render: (_, r) => num(r.visits) },
              { title: '代报反映', key: 'reports', align: 'right', render: (_, r) => num(r.reports) },
              { title: '最近走访', key: 'last', render: (_, r) => (r.lastVisitOn ? r.lastVisitOn.replace(/-/g, '/') : <Typography.Text type="secondary">还没有走访</Typography.Text>) },
            ]}
          />
        </Card>
      </Col>
      {counts?.kinds && (
        <Col span={10}>
          <Card size="small" title="按户类别">
            <Table<KindRow>
              rowKey="kind"
              size="small"
              loading={loading}
              dataSource={counts.kinds}
              pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: '结对住户还没有设置户类别' }}
              onRow={(r) => ({ 'data-kind-count': r.kind }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: '户类别', dataIndex: 'kind' },
                { title: '住户', key: 'households', align: 'right', render: (_, r) => num(r.households) },
                { title: '走访次数', key: 'visits', align: 'right', render: (_, r) => num(r.visits) },
              ]}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
