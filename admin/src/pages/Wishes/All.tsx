/**
 * 全部心愿: the community's wishes by status (?status=…, 待认领 first), each opening its detail —
 * the claimer, how to reach the wisher, the fulfilment note and photos, and the confirmation.
 */
import { Alert, Button, Flex, Table, Tabs, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { WishView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { WISH_STATUSES, WISH_STATUS_LABEL, type WishStatus } from '../../../../src/core/wishes';
import { WishDrawer } from './WishDrawer';
import { WishStatusTag } from './WishStatusTag';

const PAGE = 50;
/** The tabs, what is moving first; 待审核 has its own page (心愿审核) but shows here too. */
const ORDER: WishStatus[] = ['open', 'claimed', 'fulfilled', 'confirmed', 'pending', 'rejected', 'expired', 'withdrawn'];

export default function AllWishesPage() {
  const search = useSearch();
  const q = new URLSearchParams(search);
  const asked = q.get('status') as WishStatus | null;
  const status: WishStatus = asked && WISH_STATUSES.includes(asked) ? asked : 'open';
  const unitId = q.get('unit') ?? undefined;
  const { treeData } = useUnits();
  const [page, setPage] = useState(1);
  const [showing, setShowing] = useState<WishView | null>(null);
  const { data, loading, error, reload } = useLoaded(
    () => api.wishes.list({ ...(unitId ? { unitId } : {}), status, limit: PAGE, offset: (page - 1) * PAGE }),
    [unitId, status, page],
  );

  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    replaceSearch(next.toString());
  };

  const columns: TableColumnsType<WishView> = [
    {
      title: '心愿',
      key: 'what',
      render: (_, w) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => setShowing(w)}>
            {w.what}
          </Typography.Link>
          <Typography.Text type="secondary">为{w.forWhom}</Typography.Text>
        </Flex>
      ),
    },
    { title: '地点', key: 'place', width: 190, render: (_, w) => [w.place, w.building?.name].filter(Boolean).join(' · ') },
    { title: '希望实现日期', dataIndex: 'byDate', width: 120 },
    { title: '认领人', key: 'claimer', width: 110, render: (_, w) => w.claimer?.name ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, w) => (
        <Flex vertical gap={2}>
          <span>
            <WishStatusTag status={w.status} label={w.statusLabel} />
          </span>
          {w.confirmedAt && (
            <Typography.Text type="secondary">
              {date(w.confirmedAt)} {w.confirmedByTimer ? '系统自动确认' : '许愿人确认'}
              {w.points !== null ? ` · ${w.points} 分` : ''}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_, w) => (
        <Button size="small" type="link" onClick={() => setShowing(w)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="全部心愿" hint="认领、实现和确认的情况" wrap>
        <TreeSelect
          aria-label="单位"
          allowClear
          value={unitId}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="全部（我管理的范围）"
          style={{ width: 260 }}
          onChange={(id?: string) => set('unit', id)}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <Tabs
        activeKey={status}
        onChange={(s) => set('status', s)}
        items={ORDER.map((s) => ({ key: s, label: s === status && data ? `${WISH_STATUS_LABEL[s]}（${data.total}）` : WISH_STATUS_LABEL[s] }))}
      />
      <Table<WishView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.wishes ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        locale={{ emptyText: error ? '没有读到心愿' : `没有${WISH_STATUS_LABEL[status]}的心愿` }}
      />
      {showing && <WishDrawer wish={showing} onClose={() => setShowing(null)} />}
    </Flex>
  );
}
