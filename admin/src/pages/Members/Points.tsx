import { Alert, Button, Card, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined, QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { CheckinStatus, MemberCodeView, Outputs } from '../../api';
import { CHECKIN_STATUSES, CHECKIN_STATUS_LABEL, CODE_UNIT_KINDS, STAFF_ROLES, UNIT_KIND_LABEL } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { dateTime } from '../../format';
import { codePosterPath, navigate, replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../units';
import { CodeStatusTag } from '../Codes/StatusTag';
import { validityText } from '../Codes/validity';

type Listed = Outputs['members']['codes'];

/** A code can still be scanned (or will be): worth a poster. */
const printable = (c: MemberCodeView) => c.status === 'active' || c.status === 'not_yet_valid';

/** "报到码在小区或社区上生成". */
const WHERE = `党员报到码在${CODE_UNIT_KINDS.member.map((k) => UNIT_KIND_LABEL[k]).join('或')}上生成`;

/** 报到点: each check-in point's member code with its scans, uses and check-ins by status; posters on 码. */
export default function PointsPage() {
  const { me } = useSession();
  const search = useSearch();
  const { treeData } = useUnits();
  const home = me.bindings.find((b) => STAFF_ROLES.includes(b.role))?.unit.id ?? me.bindings[0]?.unit.id ?? '';
  const unitId = new URLSearchParams(search).get('unit') ?? home;
  const { data: listed, loading, error, reload } = useLoaded<Listed>(unitId ? () => api.members.codes({ unitId }) : null, [unitId]);

  const shown = listed && listed.unit.id === unitId ? listed : null;
  const total = (c: MemberCodeView) => CHECKIN_STATUSES.reduce((n, s) => n + c.checkins[s], 0);

  const columns: TableColumnsType<MemberCodeView> = [
    {
      title: '报到点',
      key: 'unit',
      width: 180,
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.unit.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} ellipsis={{ tooltip: c.label ?? undefined }}>
            {c.label ?? '（没有说明）'}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '有效期', key: 'validity', width: 160, render: (_, c) => validityText(c) },
    { title: '扫码次数', dataIndex: 'scans', width: 90, align: 'right', render: (n: number) => <span data-testid="point-scans">{n}</span> },
    {
      title: '已用/上限',
      key: 'uses',
      width: 90,
      align: 'right',
      render: (_, c) => (
        <span data-testid="point-uses">
          {c.uses} / {c.useLimit ?? '不限'}
        </span>
      ),
    },
    {
      title: '报到',
      key: 'checkins',
      render: (_, c) => (
        <Flex gap={12} wrap data-testid="point-checkins">
          <Typography.Text strong>共 {total(c)} 份</Typography.Text>
          {CHECKIN_STATUSES.map((s: CheckinStatus) => (
            <Typography.Text key={s} type={c.checkins[s] ? undefined : 'secondary'} data-status={s} data-value={c.checkins[s]}>
              {CHECKIN_STATUS_LABEL[s]} {c.checkins[s]}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: '码的状态',
      key: 'status',
      width: 110,
      render: (_, c) => <CodeStatusTag status={c.status} label={c.statusLabel} />,
    },
    {
      title: '生成',
      dataIndex: 'createdAt',
      width: 140,
      render: (t: number, c) => (
        <Flex vertical>
          <span>{c.createdBy?.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {dateTime(t)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '海报',
      key: 'poster',
      width: 80,
      render: (_, c) =>
        printable(c) ? (
          <Button
            type="link"
            size="small"
            icon={<PrinterOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => navigate(codePosterPath(c.id), { search: new URLSearchParams({ unit: c.unit.id }).toString() })}
          >
            海报
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="报到点" hint="每个报到点的党员报到码：扫了多少次、报到了多少人" wrap>
        <TreeSelect
          aria-label="单位"
          value={unitId || undefined}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="选择单位"
          style={{ width: 280 }}
          onChange={(id: string) => replaceSearch(new URLSearchParams({ unit: id }).toString())}
        />
        <Tooltip title="刷新扫码次数和报到人数">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Tooltip title={`在“码”页面生成、作废报到码；${WHERE}`}>
          <Button icon={<QrcodeOutlined />} onClick={() => navigate('codes', { search: unitId ? new URLSearchParams({ unit: unitId }).toString() : undefined })}>
            管理报到码
          </Button>
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span data-testid="points-trail">{shown?.trail ?? '报到点'}</span>
            {shown && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                共 {shown.codes.length} 个报到码
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<MemberCodeView>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={shown?.codes ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: error ? '没有读到报到码' : `这里还没有党员报到码。${WHERE}，请点右上角“管理报到码”` }}
        />
      </Card>
    </Flex>
  );
}
