/**
 * One partner: who it is and the agreement, its linked in-service members (link one found with the
 * people search, unlink), the resources it offers and its contact's visits. 编辑 opens the form;
 * 停止共建 archives it (its history stays). A refusal is said as a message; a stale partner is read again.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Popconfirm, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { PartnerDetail, PartnerRow, PartnerVisitView, ResourceView } from '../../api';
import { useFailure } from '../../feedback';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { PersonPicker } from './PersonPicker';

interface Props {
  id: string;
  onEdit(p: PartnerRow): void;
  /** The partner changed (archived, a member linked): the list's figures follow. */
  onChanged(): void;
  onClose(): void;
}

export function PartnerDrawer({ id, onEdit, onChanged, onClose }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const { data: p, setData, loading, error, reload } = useLoaded(() => api.partners.detail({ id }), [id]);
  const [linking, setLinking] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(key: string, run: () => Promise<PartnerDetail>, said: string) {
    setBusy(key);
    try {
      setData(await run());
      message.success(said);
      onChanged();
    } catch (e) {
      fail(e);
      reload();
    } finally {
      setBusy(null);
    }
  }

  const members = p && (
    <Flex vertical gap={12}>
      {p.can.link && (
        <Flex gap={8} align="center">
          <PersonPicker aria-label="要关联的党员" value={linking} onChange={setLinking} onError={fail} placeholder="输入在职党员的姓名或手机号" style={{ width: 280 }} />
          <Button
            type="primary"
            disabled={!linking}
            loading={busy === 'link'}
            onClick={() => linking && void act('link', () => api.partners.linkMember({ partnerId: p.id, personId: linking }), '已关联到本单位').then(() => setLinking(null))}
          >
            关联
          </Button>
          <Typography.Text type="secondary">报到为在职党员、报到在共建社区的人才能关联</Typography.Text>
        </Flex>
      )}
      <Table
        rowKey={(m) => m.person.id}
        size="small"
        pagination={false}
        dataSource={p.memberList}
        locale={{ emptyText: '还没有关联的在职党员' }}
        columns={[
          { title: '姓名', key: 'name', render: (_, m) => m.person.name },
          { title: '报到小区', dataIndex: 'compound' },
          { title: '关联时间', key: 'at', render: (_, m) => date(m.linkedAt) },
          {
            title: '',
            key: 'op',
            width: 100,
            render: (_, m) =>
              p.can.link && (
                <Popconfirm title={`取消${m.person.name}与本单位的关联？`} okText="取消关联" cancelText="不了" onConfirm={() => act(`unlink:${m.person.id}`, () => api.partners.unlinkMember({ partnerId: p.id, personId: m.person.id }), `已取消${m.person.name}的关联`)}>
                  <Button size="small" loading={busy === `unlink:${m.person.id}`}>
                    取消关联
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Flex>
  );

  return (
    <Drawer
      open
      size={760}
      title={p ? p.name : '共建单位'}
      onClose={onClose}
      extra={
        p &&
        !p.archived && (
          <Flex gap={8}>
            {p.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
                编辑
              </Button>
            )}
            {p.can.archive && (
              <Popconfirm
                title={`停止与${p.name}共建？`}
                description={<div style={{ maxWidth: 280 }}>停止共建后它不再出现在共建单位里，联络人和关联党员不能再代表它认领；它的项目和走访记录保留。</div>}
                okText="停止共建"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => act('archive', () => api.partners.archivePartner({ id: p.id, version: p.version }), `已停止与${p.name}共建`)}
              >
                <Button danger icon={<StopOutlined />} loading={busy === 'archive'}>
                  停止共建
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !p && <Skeleton active />}
      {p && (
        <Flex vertical gap={16} data-testid="partner-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="类型">
              {p.kindLabel}
              {p.archived && <Tag style={{ marginLeft: 8 }}>已停止共建</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="地址">{p.address}</Descriptions.Item>
            <Descriptions.Item label="联络人">
              {p.contact.name} · {p.contact.phone}
              {!p.contact.person && <Typography.Text type="secondary">（未关联近邻账号）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="共建社区">{p.communities.map((c) => c.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label="签约日期">{p.agreement.signedOn}</Descriptions.Item>
            <Descriptions.Item label="协议截止">{p.agreement.until ?? '长期'}</Descriptions.Item>
            <Descriptions.Item label="共建内容" span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{p.agreement.terms}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              { key: 'members', label: `关联党员 ${p.memberList.length}`, children: members },
              { key: 'resources', label: `资源 ${p.resources.length}`, children: <ResourceList resources={p.resources} /> },
              { key: 'visits', label: `走访 ${p.visits.length}`, children: <VisitList visits={p.visits} /> },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

function ResourceList({ resources }: { resources: ResourceView[] }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={resources}
      locale={{ emptyText: '还没有提供资源（由单位联络人在小程序里登记）' }}
      columns={[
        { title: '类型', dataIndex: 'kindLabel', width: 90 },
        { title: '资源', key: 'title', render: (_, r) => <Typography.Text delete={r.status === 'withdrawn'}>{r.title}</Typography.Text> },
        { title: '数量', dataIndex: 'amount', width: 120 },
        { title: '可用时间', dataIndex: 'availability', width: 160 },
      ]}
    />
  );
}

function VisitList({ visits }: { visits: PartnerVisitView[] }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={visits}
      locale={{ emptyText: '还没有走访记录' }}
      columns={[
        { title: '日期', dataIndex: 'day', width: 110 },
        { title: '见了谁', dataIndex: 'met', width: 140 },
        { title: '了解到的诉求', dataIndex: 'raised' },
        { title: '走访人', key: 'by', width: 90, render: (_, v) => v.by.name },
      ]}
    />
  );
}
