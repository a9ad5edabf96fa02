/**
 * 服务记录: the service members and volunteers recorded, for the community to confirm — 待确认 first,
 * each with what, who, when, how long and the points confirming grants under today's rules. 确认
 * grants them; 不通过 asks for a reason. A record someone else decided meanwhile reloads the list
 * with a word why.
 */
import { Alert, App, Button, Flex, Popconfirm, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { ServiceRecordView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { SERVICE_RECORD_STATUS_LABEL, type ServiceRecordStatus } from '../../../../src/core/points';
import { CommunityPicker, NotPointsStaff, usePointsCommunity } from '../Points/community';
import { duration } from './duration';
import { RejectService } from './RejectService';

const PAGE = 50;
const TABS = ['pending', 'confirmed', 'rejected', 'all'] as const;
type TabKey = (typeof TABS)[number];
const TAB_LABEL: Record<TabKey, string> = { ...SERVICE_RECORD_STATUS_LABEL, all: '全部' };
const STATUS_COLOR: Record<ServiceRecordStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'default' };

/** What the person read is no longer so: reload with a word why. */
const STALE_SAYS: Record<string, string> = {
  'SERVICE.DECIDED': '这条服务记录已经有人处理过了，已为您刷新列表',
  'SERVICE.NOT_FOUND': '找不到这条服务记录了，已为您刷新列表',
  'CONFLICT.VERSION': '这条服务记录刚刚有了变化，已为您刷新列表',
};

export default function ServiceRecordsPage() {
  const choice = usePointsCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="服务记录" />
        {choice.ready && <NotPointsStaff />}
      </Flex>
    );
  }
  return <Records communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

function Records({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const asked = new URLSearchParams(search).get('status') as TabKey | null;
  const tab: TabKey = asked && TABS.includes(asked) ? asked : 'pending';
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ServiceRecordView | null>(null);

  const { data, loading, error, reload } = useLoaded(
    () =>
      api.points
        .serviceRecords({ unitId: communityId, ...(tab === 'all' ? {} : { status: tab }), limit: PAGE, offset: (page - 1) * PAGE })
        // 待确认 first on 全部: what waits for a decision before what is decided.
        .then((r) => ({ ...r, records: [...r.records].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending')) })),
    [communityId, tab, page],
  );

  function setTab(t: string) {
    const q = new URLSearchParams(search);
    q.set('status', t);
    setPage(1);
    replaceSearch(q.toString());
  }

  /** True when the refusal was about a stale list (reloaded). */
  function refused(e: unknown, form?: FormInstance): boolean {
    if (e instanceof ApiError && STALE_SAYS[e.code]) {
      message.warning(STALE_SAYS[e.code]);
      setRejecting(null);
      reload();
      return true;
    }
    fail(e, form);
    return false;
  }

  async function confirm(r: ServiceRecordView) {
    setBusy(r.id);
    try {
      const done = await api.points.confirmService({ id: r.id, version: r.version });
      message.success(done.points ? `已确认，${done.person.name}获得 ${done.points} 分` : `已确认${done.person.name}的服务记录（按现行规则不得分）`);
      reload();
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<ServiceRecordView> = [
    {
      title: '服务内容',
      key: 'what',
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.what}</Typography.Text>
          <Typography.Text type="secondary">服务对象：{r.forWhom ?? '社区'}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '服务人',
      key: 'person',
      width: 170,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.person.name}</span>
          <Typography.Text type="secondary">{r.trail}</Typography.Text>
        </Flex>
      ),
    },
    { title: '服务日期', dataIndex: 'date', width: 110 },
    { title: '时长', key: 'minutes', width: 120, render: (_, r) => duration(r.minutes) },
    {
      title: '积分',
      key: 'points',
      width: 130,
      render: (_, r) =>
        r.status === 'pending' ? (
          <Typography.Text type="secondary" data-testid="points-if-confirmed">
            确认后得 {r.pointsIfConfirmed ?? 0} 分
          </Typography.Text>
        ) : r.status === 'confirmed' ? (
          `${r.points ?? 0} 分`
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag>
          </span>
          {r.decidedBy && r.decidedAt && (
            <Typography.Text type="secondary">
              {r.decidedBy.name} · {date(r.decidedAt)}
            </Typography.Text>
          )}
          {r.rejectReason && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: r.rejectReason }} style={{ maxWidth: 140 }}>
              {r.rejectReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, r) =>
        r.status === 'pending' ? (
          <Flex gap={4}>
            <Popconfirm
              title={`确认${r.person.name}的服务？`}
              description={`确认后${r.person.name}获得 ${r.pointsIfConfirmed ?? 0} 分。`}
              okText="确认"
              cancelText="取消"
              onConfirm={() => confirm(r)}
            >
              <Button size="small" type="primary" loading={busy === r.id}>
                确认
              </Button>
            </Popconfirm>
            <Button size="small" danger disabled={busy === r.id} onClick={() => setRejecting(r)}>
              不通过
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="服务记录" hint="党员和志愿者登记的服务，社区确认后按积分规则得分" wrap>
        {picker}
        <Tooltip title="看看有没有新的记录">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Tabs activeKey={tab} onChange={setTab} items={TABS.map((t) => ({ key: t, label: t === tab && data ? `${TAB_LABEL[t]}（${data.total}）` : TAB_LABEL[t] }))} />
      <Table<ServiceRecordView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.records ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        locale={{ emptyText: error ? '没有读到服务记录' : tab === 'pending' ? '没有等待确认的服务记录' : `没有${TAB_LABEL[tab]}的服务记录` }}
      />
      {rejecting && (
        <RejectService
          record={rejecting}
          onClose={() => setRejecting(null)}
          onFailed={(e, form) => refused(e, form)}
          onRejected={(r) => {
            message.success(`${r.person.name}的服务记录未通过，本人会看到原因`);
            setRejecting(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
