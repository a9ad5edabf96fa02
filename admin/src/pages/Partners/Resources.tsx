/**
 * 资源清单: what the community's partners offer (场地, 专家, 志愿者, 资金, 设备物资…), as their contacts entered
 * them in the mini-program. 申请使用 asks the partner for one: a project it accepts.
 */
import { Alert, App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { ResourceView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { AskModal } from './AskModal';
import { WithCommunity } from './community';
import { openProject } from './Needs';

const PAGE = 50;

export default function ResourcesPage() {
  return <WithCommunity title="资源清单" render={(communityId, picker) => <Resources communityId={communityId} picker={picker} />} />;
}

function Resources({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [partnerId, setPartnerId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [asking, setAsking] = useState<ResourceView | null>(null);
  const partners = useLoaded(() => api.partners.list({ communityId }), [communityId]);
  const { data, loading, error, reload } = useLoaded(
    () => api.partners.resources({ communityId, ...(partnerId ? { partnerId } : {}), limit: PAGE, offset: (page - 1) * PAGE }),
    [communityId, partnerId, page],
  );

  const columns: TableColumnsType<ResourceView> = [
    {
      title: '资源',
      key: 'title',
      render: (_, r) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Typography.Text strong>{r.title}</Typography.Text>
            {r.status === 'withdrawn' && <Tag>已撤回</Tag>}
          </Flex>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }} style={{ maxWidth: 420 }}>
            {r.description}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', width: 90 },
    { title: '提供单位', key: 'partner', width: 180, render: (_, r) => r.partner.name },
    { title: '数量', dataIndex: 'amount', width: 120 },
    { title: '可用时间', dataIndex: 'availability', width: 160 },
    { title: '登记', key: 'createdAt', width: 100, render: (_, r) => date(r.createdAt) },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, r) =>
        r.can.ask && (
          <Button size="small" type="primary" onClick={() => setAsking(r)}>
            申请使用
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="资源清单" hint="共建单位提供的场地、专家、志愿者、资金和物资" wrap>
        {picker}
        <Select
          aria-label="共建单位"
          allowClear
          placeholder="全部共建单位"
          value={partnerId}
          onChange={(v?: string) => {
            setPartnerId(v);
            setPage(1);
          }}
          options={(partners.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 220 }}
        />
        <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<ResourceView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.resources ?? []}
        loading={loading}
        locale={{ emptyText: '共建单位还没有登记资源（由单位联络人在小程序里登记）' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 项资源`, hideOnSinglePage: true }}
      />
      {asking && (
        <AskModal
          resource={asking}
          communityId={communityId}
          onClose={() => setAsking(null)}
          onFailed={(e: unknown, form: FormInstance) => fail(e, form)}
          onAsked={(p) => {
            message.success(`已向${p.partner.name}发出申请，等对方确认`);
            setAsking(null);
            openProject(p.id);
          }}
        />
      )}
    </Flex>
  );
}
