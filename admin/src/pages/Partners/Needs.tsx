/**
 * 需求清单: what the community needs, by status (待认领 first). 发布需求 posts one (typed, or from a report,
 * a topic or a visit); an open need can be withdrawn. A claimed need names the partner taking care of it
 * and opens its project.
 */
import { Alert, App, Button, Flex, Popconfirm, Segmented, Table, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { NEED_STATUSES, NEED_STATUS_LABEL } from '../../../../src/core/partners';
import type { NeedStatus } from '../../../../src/core/partners';
import { api, ApiError } from '../../api';
import type { NeedView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { navigate, replaceSearch, useSearch } from '../../router';
import { WithCommunity } from './community';
import { NeedTag } from './labels';
import { NeedModal } from './NeedModal';

const PAGE = 50;
const ALL = 'all';

export const openProject = (id: string) => navigate('partners/projects', { search: new URLSearchParams({ id }).toString() });

export default function NeedsPage() {
  return <WithCommunity title="需求清单" render={(communityId, picker) => <Needs communityId={communityId} picker={picker} />} />;
}

function Needs({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const asked = new URLSearchParams(search).get('status');
  const status: NeedStatus | typeof ALL = asked === ALL || (NEED_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as NeedStatus | typeof ALL) : 'open';
  const [page, setPage] = useState(1);
  const [posting, setPosting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, loading, error, reload } = useLoaded(
    () => api.partners.needs({ communityId, ...(status === ALL ? {} : { status }), limit: PAGE, offset: (page - 1) * PAGE }),
    [communityId, status, page],
  );

  const setStatus = (v: string) => {
    const next = new URLSearchParams(search);
    if (v === 'open') next.delete('status');
    else next.set('status', v);
    setPage(1);
    replaceSearch(next.toString());
  };

  async function withdraw(n: NeedView) {
    setBusy(n.id);
    try {
      await api.partners.withdrawNeed({ id: n.id, version: n.version });
      message.success(`已撤回需求「${n.title}」`);
    } catch (e) {
      if (e instanceof ApiError && ['CONFLICT.VERSION', 'NEED.NOT_ALLOWED'].includes(e.code)) message.warning(`${e.message}。已为您刷新`);
      else fail(e);
    } finally {
      setBusy(null);
      reload();
    }
  }

  const columns: TableColumnsType<NeedView> = [
    {
      title: '需求',
      key: 'title',
      render: (_, n) => (
        <Flex vertical>
          <Typography.Text strong>{n.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: n.description }} style={{ maxWidth: 420 }}>
            {n.description}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', width: 90 },
    { title: '为哪里', dataIndex: 'trail', width: 180 },
    { title: '来源', key: 'source', width: 120, render: (_, n) => n.sourceLabel },
    { title: '状态', key: 'status', width: 90, render: (_, n) => <NeedTag status={n.status} label={n.statusLabel} /> },
    {
      title: '认领单位',
      key: 'partner',
      width: 180,
      render: (_, n) =>
        n.partner ? (
          n.projectId ? (
            <Typography.Link onClick={() => openProject(n.projectId!)}>{n.partner.name}</Typography.Link>
          ) : (
            n.partner.name
          )
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '发布', key: 'createdAt', width: 100, render: (_, n) => date(n.createdAt) },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_, n) =>
        n.can.withdraw && (
          <Popconfirm title={`撤回需求「${n.title}」？`} description="撤回后共建单位看不到它，也不能再认领。" okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => withdraw(n)}>
            <Button size="small" danger loading={busy === n.id}>
              撤回
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="需求清单" hint={data ? '社区发布的需求，共建单位在小程序里认领' : undefined} wrap>
        {picker}
        <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
          发布需求
        </Button>
      </PageHeader>
      <Segmented
        aria-label="状态"
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={[...NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABEL[s] })), { value: ALL, label: '全部' }]}
        style={{ alignSelf: 'flex-start' }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<NeedView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.needs ?? []}
        loading={loading}
        locale={{ emptyText: status === 'open' ? '没有待认领的需求：点右上角“发布需求”' : '没有需求' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条需求`, hideOnSinglePage: true }}
      />
      {posting && (
        <NeedModal
          communityId={communityId}
          onClose={() => setPosting(false)}
          onFailed={(e: unknown, form: FormInstance) => fail(e, form)}
          onPosted={(n) => {
            message.success(`已发布需求「${n.title}」，共建单位现在可以认领`);
            setPosting(false);
            setStatus('open');
            reload();
          }}
        />
      )}
    </Flex>
  );
}
