/**
 * 网格 (党群小家): the grids under a unit with their households counted (a building and a door, once
 * however many live behind it), buildings, lead (家长) and steward (管家), and the server's warning
 * beside a grid outside 50–80 households. Leads and stewards are bound where every role is: the
 * grid's page under 单位与人员, which refuses someone not yet eligible and says why.
 */
import { Alert, Button, Card, Flex, Statistic, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, ReloadOutlined, UserSwitchOutlined, WarningOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { GridHouseholds, GridRow } from '../../api';
import { STAFF_ROLES } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { navigate, replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../units';

/** Names of the people on a grid, or a grey word saying there is none yet. */
function People({ people, none, testId }: { people: { id: string; name: string }[]; none: string; testId: string }) {
  if (people.length === 0) return <Typography.Text type="secondary" data-testid={testId}>{none}</Typography.Text>;
  return <span data-testid={testId}>{people.map((p) => p.name).join('、')}</span>;
}

/** The size in words as well as colour: a status is never told by colour alone. */
function SizeCell({ row, range }: { row: GridRow; range: { min: number; max: number } }) {
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="grid-size">
      <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }} data-households={row.households}>
        {row.households} 户
      </Typography.Text>
      {row.warning ? (
        <Typography.Text type="warning" data-testid="grid-warning">
          <WarningOutlined /> {row.warning}
        </Typography.Text>
      ) : (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 在 {range.min}–{range.max} 户之间
        </Typography.Text>
      )}
      {row.residentsWithoutDoor > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          另有 {row.residentsWithoutDoor} 位居民没有登记门牌，没有算进户数
        </Typography.Text>
      )}
    </Flex>
  );
}

export default function GridsPage() {
  const { me } = useSession();
  const search = useSearch();
  const { units, byId, treeData } = useUnits();
  // A unit with grids below it: the person's own staff unit, else the first they hold anything on.
  const home = me.bindings.find((b) => STAFF_ROLES.includes(b.role))?.unit.id ?? me.bindings.find((b) => b.unit.kind !== 'building')?.unit.id ?? '';
  const unitId = new URLSearchParams(search).get('unit') ?? home;
  const isBuilding = byId.get(unitId)?.kind === 'building';
  const { data: grids, loading, error, reload } = useLoaded<GridHouseholds>(unitId && !isBuilding ? () => api.units.grids({ unitId }) : null, [unitId, isBuilding]);


  const range = grids?.range ?? { min: 50, max: 80 };
  const outOfRange = grids?.grids.filter((g) => g.warning).length ?? 0;
  const columns: TableColumnsType<GridRow> = [
    {
      title: '网格',
      key: 'grid',
      width: 220,
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong data-testid="grid-name">
            {r.grid.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.trail}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '楼栋', key: 'buildings', width: 80, align: 'right', render: (_, r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.buildings} 栋</span> },
    { title: '户数', key: 'households', render: (_, r) => <SizeCell row={r} range={range} /> },
    { title: '网格长（家长）', key: 'leads', width: 150, render: (_, r) => <People people={r.leads} none="还没有家长" testId="grid-lead" /> },
    { title: '管家', key: 'stewards', width: 130, render: (_, r) => <People people={r.stewards} none="还没有管家" testId="grid-steward" /> },
    {
      title: '操作',
      key: 'bind',
      width: 130,
      render: (_, r) => (
        <Tooltip title="在这个网格的“人员与角色”里绑定或解除家长、管家">
          <Button type="link" size="small" icon={<UserSwitchOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('units', { search: new URLSearchParams({ unit: r.grid.id }).toString() })}>
            家长与管家
          </Button>
        </Tooltip>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="网格" hint={`党群小家：每个网格 ${range.min}–${range.max} 户，由一位党员任家长、一位物业人员任管家`} wrap>
        <TreeSelect
          aria-label="单位"
          value={units === null ? undefined : unitId || undefined}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="选择社区、小区或网格"
          style={{ width: 280 }}
          onChange={(id?: string) => replaceSearch(id ? new URLSearchParams({ unit: id }).toString() : '')}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {isBuilding && <Alert type="info" showIcon title="楼栋下面没有网格：请选择社区、小区或网格" />}
      {error && <Alert type="error" showIcon title={error} />}
      {grids && !isBuilding && (
        <Card size="small">
          <Flex gap={48} wrap>
            <Statistic title="网格" value={grids.grids.length} suffix="个" />
            <Statistic title={`不在 ${range.min}–${range.max} 户的网格`} value={outOfRange} suffix="个" styles={{ content: { color: outOfRange ? '#d46b08' : undefined } }} />
            <Statistic title="网格里的户数" value={grids.grids.reduce((n, g) => n + g.households, 0)} suffix="户" />
            <Statistic title="不在网格里的楼栋" value={grids.outsideGrids.buildings} suffix={`栋（${grids.outsideGrids.households} 户）`} />
          </Flex>
        </Card>
      )}
      {!isBuilding && (
        <Card title={<span data-testid="grids-trail">{grids?.trail ?? '网格'}</span>}>
          <Table<GridRow>
            rowKey={(r) => r.grid.id}
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={grids?.grids ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: error ? '没有读到网格' : '这里还没有网格：网格在“单位与人员”里建在小区下面' }}
          />
          {grids && grids.grids.some((g) => g.leads.length === 0 || g.stewards.length === 0) && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              家长要由本小区已报到的党员担任（在“花名册”里查看），管家要由已绑定为本小区物业的人担任；点“家长与管家”去绑定。
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Flex>
  );
}
