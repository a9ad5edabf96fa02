/**
 * 项目: what the community does with its partners, by status — claimed needs and asked-for resources
 * waiting for the other side, the ones under way, done, declined, cancelled. A row (or ?id=) opens the
 * project: accept, milestones, close with the result.
 */
import { Alert, Button, Flex, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PROJECT_STATUSES, PROJECT_STATUS_LABEL } from '../../../../src/core/partners';
import type { ProjectStatus } from '../../../../src/core/partners';
import { api } from '../../api';
import type { ProjectView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { WithCommunity } from './community';
import { ProjectTag } from './labels';
import { ProjectDrawer } from './ProjectDrawer';

const PAGE = 50;
const ALL = 'all';

export default function ProjectsPage() {
  return <WithCommunity title="项目" render={(communityId, picker) => <Projects communityId={communityId} picker={picker} />} />;
}

/** "2/3 个节点完成" */
const progress = (p: ProjectView) => (p.milestones.length ? `${p.milestones.filter((m) => m.doneAt).length}/${p.milestones.length} 个节点完成` : '—');

function Projects({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const search = useSearch();
  const q = new URLSearchParams(search);
  const asked = q.get('status');
  const status: ProjectStatus | typeof ALL = (PROJECT_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as ProjectStatus) : ALL;
  const open = q.get('id');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useLoaded(
    () => api.partners.projects({ communityId, ...(status === ALL ? {} : { status }), limit: PAGE, offset: (page - 1) * PAGE }),
    [communityId, status, page],
  );

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    replaceSearch(next.toString());
  };

  const columns: TableColumnsType<ProjectView> = [
    {
      title: '项目',
      key: 'title',
      render: (_, p) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => set('id', p.id)}>
            {p.title}
          </Typography.Link>
          <Typography.Text type="secondary">{p.need ? `需求：${p.need.title}` : p.resource ? `资源：${p.resource.title}` : ''}</Typography.Text>
        </Flex>
      ),
    },
    { title: '共建单位', key: 'partner', width: 180, render: (_, p) => p.partner.name },
    { title: '发起', key: 'startedBy', width: 120, render: (_, p) => p.startedByLabel },
    { title: '状态', key: 'status', width: 110, render: (_, p) => <ProjectTag status={p.status} label={p.statusLabel} /> },
    { title: '进度', key: 'progress', width: 140, render: (_, p) => progress(p) },
    { title: '负责人（社区 / 单位）', key: 'owners', width: 170, render: (_, p) => `${p.communityOwner?.name ?? '—'} / ${p.partnerOwner?.name ?? '—'}` },
    { title: '时间', key: 'createdAt', width: 100, render: (_, p) => date(p.createdAt) },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="项目" hint="需求被认领、资源被申请后形成的项目，对方接受后开始" wrap>
        {picker}
        <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
      </PageHeader>
      <Segmented
        aria-label="状态"
        value={status}
        onChange={(v) => {
          setPage(1);
          set('status', v === ALL ? null : String(v));
        }}
        options={[{ value: ALL, label: '全部' }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABEL[s] }))]}
        style={{ alignSelf: 'flex-start' }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.projects ?? []}
        loading={loading}
        onRow={(p) => ({ style: { cursor: 'pointer' }, onClick: (e) => !(e.target as HTMLElement).closest('a,button') && set('id', p.id) })}
        locale={{ emptyText: '没有项目：共建单位认领需求，或在资源清单里申请使用资源' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 个项目`, hideOnSinglePage: true }}
      />
      {open && <ProjectDrawer id={open} onChanged={reload} onClose={() => set('id', null)} />}
    </Flex>
  );
}
