/**
 * 心愿审核: wishes residents (or their leads) posted, waiting to be published — the shared decision
 * queue, oldest first. 通过 publishes a wish for members and volunteers to claim; 不通过 asks for a
 * reason the wisher reads. A wish withdrawn or decided meanwhile reloads the queue with a word why.
 */
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { WishView } from '../../api';
import { DecisionQueueView, useDecisionQueue } from '../../components/DecisionQueue';
import { dateTime } from '../../format';
import { RejectWish } from './RejectWish';
import { WishDrawer } from './WishDrawer';

/** A wish as the queue holds it: `name` is what the queue's words call it by. */
type QueuedWish = WishView & { name: string; matches: [] };

/** A community has a few wishes a week: one read holds the whole queue. */
const MOST = 500;

const STALE_SAYS: Record<string, (what: string) => string> = {
  'WISH.NOT_ALLOWED': (what) => `心愿「${what}」已经处理过或被撤回了，已为您刷新列表`,
  'WISH.NOT_FOUND': (what) => `找不到心愿「${what}」了，已为您刷新列表`,
  'CONFLICT.VERSION': (what) => `心愿「${what}」刚刚有了变化，已为您刷新列表，请再看一次`,
};

export default function WishQueuePage() {
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<QueuedWish | null>(null);
  const [showing, setShowing] = useState<WishView | null>(null);
  const q = useDecisionQueue<QueuedWish>({
    load: (unitId) =>
      api.wishes.list({ ...(unitId ? { unitId } : {}), status: 'pending', limit: MOST }).then((r) => r.wishes.map((w) => ({ ...w, name: w.what, matches: [] as [] }))),
    staleSays: STALE_SAYS,
    // A wish names nobody to choose: no "already someone else's" refusal applies.
    takenCode: 'WISH.TAKEN',
    takenCalled: '这个心愿',
  });

  const columns: TableColumnsType<QueuedWish> = [
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
    { title: '地点', key: 'place', width: 200, render: (_, w) => [w.place, w.building?.name].filter(Boolean).join(' · ') },
    { title: '希望实现日期', dataIndex: 'byDate', width: 120 },
    {
      title: '提交',
      key: 'posted',
      width: 190,
      render: (_, w) => (
        <Flex vertical>
          <span>
            {w.postedBy?.name ?? '—'}
            {w.postedVia === 'lead' ? '（代居民提交）' : ''}
          </span>
          <Typography.Text type="secondary">{dateTime(w.createdAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, w) => (
        <Flex gap={4}>
          <Popconfirm
            title="通过这个心愿？"
            description="通过后心愿公开（不显示姓名、电话和门牌），党员和志愿者可以认领。"
            okText="通过"
            cancelText="取消"
            onConfirm={() =>
              q.decide(w, async () => {
                await api.wishes.approve({ id: w.id, version: w.version });
                message.success(`已通过心愿「${w.what}」，党员和志愿者现在可以认领`);
              })
            }
          >
            <Button size="small" type="primary" loading={q.deciding === w.id}>
              通过
            </Button>
          </Popconfirm>
          <Button size="small" danger disabled={q.deciding === w.id} onClick={() => setRejecting(w)}>
            不通过
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <DecisionQueueView<QueuedWish>
      title="心愿审核"
      hint="居民提交的微心愿，通过后公开给党员和志愿者认领"
      reloadHint="看看有没有新的心愿"
      noun="心愿"
      countTestId="wishes-waiting"
      state={q}
      columns={columns}
    >
      {rejecting && (
        <RejectWish
          wish={rejecting}
          onClose={() => setRejecting(null)}
          onFailed={(e, form) => {
            if (q.refused(e, rejecting, form)) setRejecting(null);
          }}
          onRejected={() => {
            message.success(`心愿「${rejecting.what}」未通过，许愿人会看到原因`);
            q.decided(rejecting.id);
            setRejecting(null);
          }}
        />
      )}
      {showing && <WishDrawer wish={showing} onClose={() => setShowing(null)} />}
    </DecisionQueueView>
  );
}
