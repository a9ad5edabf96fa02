/**
 * 共建单位: the community's partner organisations, each with its contact, linked in-service members,
 * resources and projects, and whether its contact visited this month — 本月未走访 shows only those who
 * have not. A row opens the partner (edit, members, resources, visits); 新增共建单位 opens the form.
 */
import { Alert, App, Button, Checkbox, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { PartnerRow } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { usePartnersCommunity, WithCommunity } from './community';
import { PartnerDrawer } from './PartnerDrawer';
import { PartnerForm } from './PartnerForm';

const STALE_CODES = ['CONFLICT.VERSION', 'PARTNER.NOT_FOUND', 'PARTNER.ARCHIVED'];

export default function PartnersPage() {
  return <WithCommunity title="共建单位" render={(communityId, picker) => <Partners communityId={communityId} picker={picker} />} />;
}

/** "本月已走访" or, plainly, that it has not (the tag says it in words, the colour only helps). */
function VisitCell({ p }: { p: PartnerRow }) {
  if (p.visitedThisMonth) return <Typography.Text data-testid="visit-month">本月已走访（{p.lastVisitDay}）</Typography.Text>;
  return (
    <Flex vertical data-testid="visit-month">
      <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
        本月未走访
      </Tag>
      <Typography.Text type="secondary">{p.lastVisitDay ? `上次 ${p.lastVisitDay}` : '还没有走访过'}</Typography.Text>
    </Flex>
  );
}

function Partners({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const { communities } = usePartnersCommunity();
  const search = useSearch();
  const q = new URLSearchParams(search);
  const notVisited = q.get('show') === 'not-visited';
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<PartnerRow | 'new' | null>(null);
  const [saves, setSaves] = useState(0);
  const open = q.get('id');
  const { data, loading, error, reload } = useLoaded(() => api.partners.list({ communityId, includeArchived: archived }), [communityId, archived]);

  const setQuery = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    replaceSearch(next.toString());
  };

  const refused = (e: unknown, form?: FormInstance) => {
    if (e instanceof ApiError && STALE_CODES.includes(e.code)) {
      message.warning(`${e.message}。已为您刷新，请再核对一次`);
      setEditing(null);
      reload();
      return;
    }
    fail(e, form);
  };

  const columns: TableColumnsType<PartnerRow> = [
    {
      title: '单位',
      key: 'name',
      render: (_, p) => (
        <Flex vertical>
          <Flex gap={6} align="center" wrap>
            <Typography.Link strong onClick={() => setQuery('id', p.id)}>
              {p.name}
            </Typography.Link>
            <Tag>{p.kindLabel}</Tag>
            {p.archived && <Tag>已停止共建</Tag>}
          </Flex>
          <Typography.Text type="secondary">{p.address}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '联络人',
      key: 'contact',
      width: 170,
      render: (_, p) => (
        <Flex vertical>
          <span>{p.contact.name}</span>
          <Typography.Text type="secondary">{p.contact.phone}</Typography.Text>
        </Flex>
      ),
    },
    { title: '签约', key: 'signed', width: 110, render: (_, p) => p.agreement.signedOn },
    { title: '关联党员', key: 'members', width: 90, render: (_, p) => <span data-testid="members">{p.members} 人</span> },
    { title: '资源', key: 'resources', width: 70, render: (_, p) => `${p.resourcesOffered} 项` },
    { title: '项目（进行中 / 完成）', key: 'projects', width: 160, render: (_, p) => `${p.projectsOpen} / ${p.projectsDone}` },
    { title: '本月走访', key: 'visit', width: 170, render: (_, p) => <VisitCell p={p} /> },
  ];

  const all = data?.partners ?? [];
  const missing = all.filter((p) => !p.archived && !p.visitedThisMonth);
  const shown = notVisited ? missing : all;

  return (
    <Flex vertical gap={16}>
      <PageHeader title="共建单位" hint={data ? `与${data.community.name}共建的机关、企业、医院、学校和社会组织` : undefined} wrap>
        {picker}
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增共建单位
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={16} align="center" wrap>
        <Segmented
          aria-label="显示"
          value={notVisited ? 'not-visited' : 'all'}
          onChange={(v) => setQuery('show', v === 'all' ? null : String(v))}
          options={[
            { value: 'all', label: `全部 ${all.filter((p) => !p.archived).length}` },
            { value: 'not-visited', label: `本月未走访 ${missing.length}` },
          ]}
        />
        <Checkbox checked={archived} onChange={(e) => setArchived(e.target.checked)}>
          含已停止共建
        </Checkbox>
      </Flex>
      <Table<PartnerRow>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={false}
        onRow={(p) => ({ style: { cursor: 'pointer' }, onClick: (e) => !(e.target as HTMLElement).closest('a,button') && setQuery('id', p.id) })}
        locale={{ emptyText: notVisited ? '本月每个共建单位都走访过了' : '还没有共建单位：点右上角“新增共建单位”' }}
      />
      {open && <PartnerDrawer key={`${open}:${saves}`} id={open} onEdit={(p) => setEditing(p)} onChanged={reload} onClose={() => setQuery('id', null)} />}
      {editing && (
        <PartnerForm
          partner={editing === 'new' ? null : editing}
          communityId={communityId}
          communities={communities}
          onClose={() => setEditing(null)}
          onFailed={refused}
          onSaved={(p, created) => {
            message.success(`${created ? '已新增' : '已保存'}共建单位${p.name}`);
            setEditing(null);
            reload();
            // The drawer shows the partner saved: opened on a new one, read again after an edit.
            setSaves((n) => n + 1);
            setQuery('id', p.id);
          }}
        />
      )}
    </Flex>
  );
}
