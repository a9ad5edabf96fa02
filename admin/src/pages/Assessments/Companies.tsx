/**
 * 物业公司: the companies serving the community's compounds — name, phone, the compounds each serves
 * and its people (the property_manager bindings on those compounds, made on 单位与人员 like any role).
 * Staff register, edit and stop (停用) a company; a stopped one serves nothing and keeps its history.
 */
import { Alert, App, Button, Card, Checkbox, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { PropertyCompanyView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { navigate } from '../../router';
import { CommunityPicker, NotAssessmentStaff, useAssessmentCommunity } from './community';
import { CompanyModal } from './CompanyModal';

const STALE_CODES = ['CONFLICT.VERSION', 'PROPERTY.NOT_FOUND', 'PROPERTY.ARCHIVED'];

/** Opens 单位与人员 on a compound, where its 物业 (property_manager) people are bound. */
const bindAt = (compoundId: string) => navigate('units', { search: new URLSearchParams({ unit: compoundId }).toString() });

export default function CompaniesPage() {
  const choice = useAssessmentCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="物业公司" />
        {choice.ready && <NotAssessmentStaff />}
      </Flex>
    );
  }
  return <Companies communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

function Companies({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [editing, setEditing] = useState<PropertyCompanyView | 'new' | null>(null);
  const [archived, setArchived] = useState(false);
  const [stopping, setStopping] = useState<string | null>(null);
  const { data: view, loading, error, reload } = useLoaded(() => api.assessments.companies({ communityId }), [communityId]);

  const refused = (e: unknown, form?: FormInstance) => {
    if (e instanceof ApiError && STALE_CODES.includes(e.code)) {
      message.warning(`${e.message}。已为您刷新，请再核对一次`);
      setEditing(null);
      reload();
      return;
    }
    fail(e, form);
  };

  async function stop(c: PropertyCompanyView) {
    setStopping(c.id);
    try {
      await api.assessments.archiveCompany({ id: c.id, version: c.version });
      message.success(`已停用${c.name}：${c.compounds.map((u) => u.name).join('、') || '它服务的小区'}需要重新登记物业公司才能测评`);
      reload();
    } catch (e) {
      refused(e);
    } finally {
      setStopping(null);
    }
  }

  const columns: TableColumnsType<PropertyCompanyView> = [
    {
      title: '公司名称',
      key: 'name',
      render: (_, c) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.archived && <Tag>已停用</Tag>}
        </Flex>
      ),
    },
    { title: '联系电话', key: 'phone', width: 130, render: (_, c) => c.contactPhone ?? <Typography.Text type="secondary">未填</Typography.Text> },
    {
      title: '服务的小区',
      key: 'compounds',
      width: 220,
      render: (_, c) => (c.compounds.length ? c.compounds.map((u) => <Tag key={u.id}>{u.name}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>),
    },
    {
      title: '物业人员（绑定在小区上的“物业”）',
      key: 'managers',
      render: (_, c) =>
        c.archived ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {c.compounds.map((u) => {
              const people = c.managers.filter((m) => m.compoundId === u.id);
              return (
                <Flex key={u.id} gap={8} wrap align="baseline">
                  <Typography.Text type="secondary">{u.name}：</Typography.Text>
                  {people.length ? (
                    <Typography.Text>{people.map((m) => m.name).join('、')}</Typography.Text>
                  ) : (
                    <Typography.Text type="warning">还没有绑定，反映的数字算不出来</Typography.Text>
                  )}
                  <Typography.Link onClick={() => bindAt(u.id)}>{people.length ? '调整' : '去绑定'}</Typography.Link>
                </Flex>
              );
            })}
          </Flex>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, c) =>
        c.archived ? null : (
          <Flex gap={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
              编辑
            </Button>
            <Popconfirm
              title={`停用${c.name}？`}
              description={
                <div style={{ maxWidth: 300 }}>
                  停用后它不再服务{c.compounds.map((u) => u.name).join('、') || '任何小区'}，这些小区要重新登记物业公司才能测评。它的历次测评结果保留。
                </div>
              }
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => void stop(c)}
            >
              <Button size="small" danger icon={<StopOutlined />} loading={stopping === c.id}>
                停用
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  const shown = (view?.companies ?? []).filter((c) => archived || !c.archived);
  const unserved = (view?.compounds ?? []).filter((u) => !u.companyId);

  return (
    <Flex vertical gap={16}>
      <PageHeader title="物业公司" hint={view ? `${view.community.name}各小区的物业公司，按月测评` : undefined} wrap>
        {picker}
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} disabled={!view} onClick={() => setEditing('new')}>
          登记物业公司
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Alert
        type="info"
        showIcon
        data-testid="managers-note"
        title="物业公司的人员怎么绑定"
        description={
          <>
            在“单位与人员”里选中小区，在“人员与角色”中选物业的工作人员、角色选“物业”，点“绑定”。绑定后，他们办理的本小区居民反映计入这家公司的响应率、按时办结率和满意率；没有绑定人员的小区只能按住户问卷评分。
            <Typography.Link style={{ marginLeft: 8 }} onClick={() => navigate('units')}>
              打开单位与人员
            </Typography.Link>
          </>
        }
      />
      {view && unserved.length > 0 && (
        <Typography.Text type="secondary" data-testid="unserved">
          还没有登记物业公司的小区：{unserved.map((u) => u.name).join('、')}（不参加测评）
        </Typography.Text>
      )}
      <Card
        extra={
          <Checkbox checked={archived} onChange={(e) => setArchived(e.target.checked)}>
            含已停用
          </Checkbox>
        }
        title="公司"
      >
        <Table<PropertyCompanyView>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={shown}
          pagination={false}
          locale={{ emptyText: error ? '没有读到物业公司' : '还没有登记物业公司：点右上角“登记物业公司”' }}
        />
      </Card>
      {editing && view && (
        <CompanyModal
          view={view}
          company={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onFailed={refused}
          onSaved={(c, created) => {
            message.success(`${created ? '已登记' : '已保存'}${c.name}，服务${c.compounds.map((u) => u.name).join('、')}`);
            setEditing(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
