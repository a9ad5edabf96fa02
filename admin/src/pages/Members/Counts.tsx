import { Alert, Button, Card, Flex, Statistic, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { MemberCountRow, MemberType, Outputs } from '../../api';
import { MEMBER_TYPE_LABEL, VETERAN_LABEL } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { navigate, replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { NoAccess, useMemberAccess } from './access';
import { searchOfFilter } from './rosterSearch';

type Counted = Outputs['members']['counts'];
type Tally = Omit<MemberCountRow, 'unit' | 'trail'>;
/** What a figure counts: a type, the veterans, or everyone. */
type Measure = MemberType | 'veterans' | 'total';

/** The figures in the order the community reports them (直管 32, 在职 139, 离退休 56, 流动 34, 退役军人 27). */
const FIGURES: { measure: Measure; title: string }[] = [
  { measure: 'total', title: '党员总数' },
  { measure: 'direct', title: `${MEMBER_TYPE_LABEL.direct}党员` },
  { measure: 'in_service', title: `${MEMBER_TYPE_LABEL.in_service}党员` },
  { measure: 'retired', title: `${MEMBER_TYPE_LABEL.retired}党员` },
  { measure: 'mobile', title: `${MEMBER_TYPE_LABEL.mobile}党员` },
  { measure: 'veterans', title: VETERAN_LABEL },
];

const valueOf = (t: Tally, m: Measure) => (m === 'total' ? t.total : m === 'veterans' ? t.veterans : t.byType[m]);

/** 统计: members counted by type per check-in point (each compound, and the community for 直管 members). */
export default function CountsPage() {
  const access = useMemberAccess();
  if (!access.seesCounts) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="党员统计" />
        <NoAccess title="党员统计只有小区党支部书记、社区和街道工作人员能看。" />
      </Flex>
    );
  }
  return <Counts seesRoster={access.seesRoster} />;
}

function Counts({ seesRoster }: { seesRoster: boolean }) {
  const search = useSearch();
  const { treeData } = useUnits();
  const unitId = new URLSearchParams(search).get('unit') ?? undefined;
  const { data: counted, loading, error, reload } = useLoaded<Counted>(() => api.members.counts(unitId ? { unitId } : {}), [unitId]);

  /**
   * A number: for the roster's readers, a link to the members it counts. `linked` false for the
   * community's own row: the roster of a unit is its whole subtree, which counts its compounds too.
   */
  const count = (n: number, unit: string, m: Measure, key: string, linked = true) => {
    const style = { fontVariantNumeric: 'tabular-nums' as const, color: n === 0 ? 'rgba(0,0,0,0.35)' : undefined };
    if (!seesRoster || !linked || n === 0) return <span style={style} data-count={key} data-value={n}>{n}</span>;
    const types = m === 'total' || m === 'veterans' ? undefined : [m];
    return (
      <Typography.Link
        style={style}
        data-count={key}
        data-value={n}
        title="点击查看这些党员"
        onClick={() => navigate('members/roster', { search: searchOfFilter({ unitId: unit, types, veteran: m === 'veterans' ? true : undefined }) })}
      >
        {n}
      </Typography.Link>
    );
  };

  // The table's columns in the figures' order, 合计 last.
  const measures: Measure[] = [...FIGURES.map((f) => f.measure).filter((m) => m !== 'total'), 'total'];
  const columns: TableColumnsType<MemberCountRow> = [
    {
      title: '报到单位',
      key: 'unit',
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.unit.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.unit.kind === 'community' ? '社区直管党员在社区报到' : r.trail}
          </Typography.Text>
        </Flex>
      ),
    },
    ...measures.map((m) => ({
      title: m === 'total' ? '合计' : m === 'veterans' ? VETERAN_LABEL : MEMBER_TYPE_LABEL[m],
      key: m,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: MemberCountRow) => count(valueOf(r, m), r.unit.id, m, `${r.unit.id}.${m}`, r.unit.kind !== 'community'),
    })),
  ];

  const total = counted?.total;
  return (
    <Flex vertical gap={16}>
      <PageHeader title="党员统计" hint="各报到点已报到的党员，按类型统计；退役军人是标签，不是类型" wrap>
        <TreeSelect
          aria-label="单位"
          allowClear
          value={unitId}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="我查看的范围"
          style={{ width: 280 }}
          onChange={(id?: string) => replaceSearch(id ? new URLSearchParams({ unit: id }).toString() : '')}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Card title={<span data-testid="counts-trail">{counted?.trail ?? '党员统计'}</span>} loading={loading && !counted}>
        <Flex gap={16} wrap justify="space-between">
          {FIGURES.map((f) => (
            <div key={f.measure} style={{ minWidth: 130 }} data-figure={f.measure}>
              <Statistic
                title={f.title}
                value={total ? valueOf(total, f.measure) : '—'}
                suffix={total ? '人' : undefined}
                styles={{ content: { fontSize: f.measure === 'total' ? 36 : 30, fontVariantNumeric: 'tabular-nums', color: f.measure === 'total' ? '#c41d1d' : undefined } }}
              />
            </div>
          ))}
        </Flex>
      </Card>
      <Card title="各报到点">
        <Table<MemberCountRow>
          rowKey={(r) => r.unit.id}
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={counted?.rows ?? []}
          pagination={false}
          locale={{ emptyText: error ? '没有读到统计' : '这里没有报到点' }}
          summary={() =>
            total ? (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                {measures.map((m, i) => (
                  <Table.Summary.Cell key={m} index={i + 1} align="right">
                    {count(valueOf(total, m), counted!.unit.id, m, `total.${m}`)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Flex>
  );
}
