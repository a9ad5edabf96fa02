/**
 * 兑换订单: the community's orders by status — 待领取 first (what staff hand over), 已领取, 已取消.
 * 标记已领取 when the goods are handed over; 取消 with a reason returns the points and the stock.
 */
import { App, Button, Flex, Popconfirm, Segmented, Table, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { RedemptionView } from '../../api';
import { useFailure } from '../../feedback';
import { dateTime } from '../../format';
import { useLoaded } from '../../loaded';
import { REDEMPTION_STATUSES, REDEMPTION_STATUS_LABEL, type RedemptionStatus } from '../../../../src/core/shop';
import { CancelOrder } from './CancelOrder';

const PAGE = 50;

const STALE_SAYS: Record<string, string> = {
  'SHOP.ORDER_NOT_OPEN': '这个订单已经领取或取消了，已为您刷新列表',
  'SHOP.ORDER_NOT_FOUND': '找不到这个订单了，已为您刷新列表',
};

export function Orders({ communityId, status, onStatus }: { communityId: string; status: RedemptionStatus; onStatus(s: RedemptionStatus): void }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);
  const { data, loading, reload } = useLoaded(() => api.points.orders({ communityId, status, limit: PAGE, offset: (page - 1) * PAGE }), [communityId, status, page]);

  function refused(e: unknown, form?: FormInstance) {
    if (e instanceof ApiError && STALE_SAYS[e.code]) {
      message.warning(STALE_SAYS[e.code]);
      setCancelling(null);
      reload();
      return;
    }
    fail(e, form);
  }

  async function collect(r: RedemptionView) {
    setBusy(r.id);
    try {
      const done = await api.points.collect({ id: r.id });
      message.success(`${done.person.name}已领取「${done.goodsName}」`);
      reload();
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<RedemptionView> = [
    { title: '兑换时间', key: 'orderedAt', width: 150, render: (_, r) => dateTime(r.orderedAt) },
    { title: '兑换人', key: 'person', width: 120, render: (_, r) => r.person.name },
    { title: '物品', dataIndex: 'goodsName' },
    { title: '积分', key: 'price', width: 90, align: 'right', render: (_, r) => `${r.price} 分` },
    {
      title: '状态',
      key: 'status',
      width: 220,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.statusLabel}</span>
          {r.collectedAt && <Typography.Text type="secondary">{dateTime(r.collectedAt)} 领取</Typography.Text>}
          {r.cancelledAt && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: r.cancelReason }} style={{ maxWidth: 200 }}>
              {dateTime(r.cancelledAt)} 取消{r.cancelReason ? `：${r.cancelReason}` : ''}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, r) =>
        r.status === 'ordered' ? (
          <Flex gap={4}>
            <Popconfirm title={`${r.person.name}已经领走「${r.goodsName}」了吗？`} okText="已领取" cancelText="还没有" onConfirm={() => collect(r)}>
              <Button size="small" type="primary" loading={busy === r.id}>
                标记已领取
              </Button>
            </Popconfirm>
            <Button size="small" danger disabled={busy === r.id} onClick={() => setCancelling(r)}>
              取消
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Segmented<RedemptionStatus>
          value={status}
          onChange={(s) => {
            setPage(1);
            onStatus(s);
          }}
          options={REDEMPTION_STATUSES.map((s) => ({ value: s, label: REDEMPTION_STATUS_LABEL[s] }))}
        />
        {data && (
          <Typography.Text type="secondary" data-testid="orders-total">
            共 {data.total} 个订单
          </Typography.Text>
        )}
      </Flex>
      <Table<RedemptionView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.redemptions ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        locale={{ emptyText: `没有${REDEMPTION_STATUS_LABEL[status]}的订单` }}
      />
      {cancelling && (
        <CancelOrder
          order={cancelling}
          onClose={() => setCancelling(null)}
          onFailed={(e, form) => refused(e, form)}
          onCancelled={(r) => {
            message.success(`已取消，${r.price} 分已退回${r.person.name}`);
            setCancelling(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
