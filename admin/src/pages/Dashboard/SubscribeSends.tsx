import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, isAuthLost, type Outputs } from '../../api';
import { dateTime } from '../../format';

type Stats = Outputs['management']['subscribeSends'];
type Row = Stats['templates'][number];

/**
 * 订阅消息: what became of the WeChat subscribe messages of the last 7 days, per notice kind and
 * template. Refusals (43101) are the residents' choice; failures are a template, its data or the
 * functions' permissions, and carry the last error to act on.
 */
export function SubscribeSendsPanel() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setStats(await api.management.subscribeSends({ days: 7 }));
      setError(null);
    } catch (e) {
      if (isAuthLost(e)) return;
      setError(e instanceof ApiError ? e.message : '订阅消息的发送情况没有读到，请刷新后重试');
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<Row> = [
    {
      title: '通知',
      render: (_, r) => (
        <>
          {r.kindLabel}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            模板 {r.templateId}
          </Typography.Text>
        </>
      ),
    },
    { title: '已发送', dataIndex: 'sent', width: 90, align: 'right' },
    { title: '居民未订阅', dataIndex: 'refused', width: 110, align: 'right' },
    {
      title: '发送失败',
      dataIndex: 'failed',
      width: 100,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
    {
      title: '最近一次失败',
      render: (_, r) =>
        r.lastError ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTime(r.lastErrorAt!)}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: r.lastError }}>
              {r.lastError}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title="订阅消息发送情况（近 7 天）"
      data-testid="subscribe-sends"
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        每条通知都会出现在小程序的“消息”里；这里是另外发到微信的订阅消息。“居民未订阅”是居民没有允许或已用完（微信 43101），不用处理；“发送失败”多半是模板或云函数权限的问题，请把最近的错误交给技术人员。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => `${r.kind}|${r.templateId}`}
        columns={columns}
        dataSource={stats?.templates ?? []}
        loading={loading && !stats}
        pagination={false}
        locale={{ emptyText: <Empty description="近 7 天没有发送订阅消息：没有配置模板（JINLIN_SUBSCRIBE_TEMPLATES），或在本地运行" /> }}
      />
    </Card>
  );
}
