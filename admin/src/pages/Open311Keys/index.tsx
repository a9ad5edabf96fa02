import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { KeyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { api } from '../../api';
import type { ApiKeyView, Open311UnitRow, Outputs } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { dateTime } from '../../format';
import { IssueKey } from './IssueKey';
import { RevokeKey } from './RevokeKey';

type Listed = Outputs['open311']['keys'];

/** Where partners call, as the page is served: the local host, or the site behind the same domain. */
const endpoint = () => `${window.location.origin}/open311/v2`;

/**
 * Open311 接口: the community's interface keys for partners' systems (a street's 12345 desk, a district
 * platform) — issued, listed, revoked — and the unit ids those systems file reports on.
 */
export default function Open311KeysPage() {
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);

  const { data: listed, setData: setListed, loading, error, reload } = useLoaded<Listed>(() => api.open311.keys({}), []);

  // A new key goes first (newest first, as listed); a revoked one stays where it was.
  const replace = useCallback(
    (k: ApiKeyView) => setListed((l) => l && { ...l, keys: l.keys.some((x) => x.id === k.id) ? l.keys.map((x) => (x.id === k.id ? k : x)) : [k, ...l.keys] }),
    [],
  );

  const keyColumns: TableColumnsType<ApiKeyView> = [
    { title: '使用单位', dataIndex: 'partner', ellipsis: true },
    { title: '密钥', dataIndex: 'shown', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 200,
      render: (label: string, k) => (
        <Flex vertical gap={2} align="flex-start" data-testid="key-status">
          <Tag color={k.status === 'active' ? 'green' : 'default'}>{label}</Tag>
          {k.revokeReason && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {k.revokedByName ?? '—'} {k.revokedAt ? dateTime(k.revokedAt) : ''}：{k.revokeReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '发放人/时间',
      dataIndex: 'createdAt',
      width: 160,
      render: (t: number, k) => (
        <Flex vertical>
          <span>{k.createdByName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {dateTime(t)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, k) =>
        k.status === 'active' ? (
          <Button danger size="small" onClick={() => setRevoking(k)}>
            撤销
          </Button>
        ) : null,
    },
  ];

  const unitColumns: TableColumnsType<Open311UnitRow> = [
    { title: '楼栋或小区', dataIndex: 'trail' },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: Open311UnitRow['kind']) => (k === 'compound' ? '小区' : '楼栋') },
    { title: 'address_id', dataIndex: 'id', width: 260, render: (id: string) => <Typography.Text code copyable>{id}</Typography.Text> },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="Open311 接口" hint={listed ? listed.community.name : undefined}>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          刷新
        </Button>
        <Button type="primary" icon={<KeyOutlined />} disabled={!listed} onClick={() => setIssuing(true)}>
          发放密钥
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Alert
        type="info"
        showIcon
        title={
          <span>
            合作单位的系统按 Open311 GeoReport v2 标准接入：地址 <Typography.Text code copyable>{endpoint()}</Typography.Text>
            ，查询反映和提交反映都要带上本页发放的密钥（api_key）。接口只给出反映的内容、类别、办理单位和时限，不给出居民的姓名和电话；对方提交时带来的姓名、电话和邮箱一律不保存。
          </span>
        }
      />
      <Card title="接口密钥" size="small">
        <Table<ApiKeyView> rowKey="id" size="middle" loading={loading} columns={keyColumns} dataSource={listed?.keys ?? []} pagination={false} locale={{ emptyText: '还没有发放过密钥' }} />
      </Card>
      <Card title="楼栋和小区编号" size="small" extra={<Typography.Text type="secondary">对方提交反映时用 address_id 指明地点：近邻的楼栋没有坐标</Typography.Text>}>
        <Table<Open311UnitRow> rowKey="id" size="small" columns={unitColumns} dataSource={listed?.units ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
      {issuing && listed && (
        <IssueKey
          community={listed.community}
          onIssued={(r) => replace(r.key)}
          onClose={() => setIssuing(false)}
        />
      )}
      {revoking && (
        <RevokeKey
          apiKey={revoking}
          onRevoked={(k) => {
            replace(k);
            setRevoking(null);
          }}
          onStale={() => {
            setRevoking(null);
            reload();
          }}
          onClose={() => setRevoking(null)}
        />
      )}
    </Flex>
  );
}
