/**
 * 物品: the community's goods, on the shelf and off, with what each costs and how many are left;
 * staff add and edit them, restock (补货) and take them on and off the shelf. An edit someone else
 * saved first is refused (the version) and the list reloads with a word why.
 */
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { GoodsView } from '../../api';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { GoodsModal } from './GoodsModal';
import { RestockModal } from './RestockModal';

const STALE_SAYS: Record<string, string> = {
  'CONFLICT.VERSION': '这件物品刚刚被其他人修改过，已为您刷新，请再核对一次',
  'SHOP.NOT_FOUND': '找不到这件物品了，已为您刷新列表',
};

export function Goods({ communityId }: { communityId: string }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [editing, setEditing] = useState<GoodsView | 'new' | null>(null);
  const [restocking, setRestocking] = useState<GoodsView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, loading, reload } = useLoaded(() => api.points.goods({ communityId, includeOff: true }), [communityId]);

  function refused(e: unknown, form?: FormInstance) {
    if (e instanceof ApiError && STALE_SAYS[e.code]) {
      message.warning(STALE_SAYS[e.code]);
      setEditing(null);
      setRestocking(null);
      reload();
      return;
    }
    fail(e, form);
  }

  async function shelve(g: GoodsView) {
    setBusy(g.id);
    try {
      const saved = await api.points.saveGoods({ id: g.id, version: g.version, communityId, name: g.name, description: g.description, price: g.price, status: g.status === 'on' ? 'off' : 'on' });
      message.success(saved.status === 'on' ? `「${saved.name}」已上架，居民可以兑换` : `「${saved.name}」已下架，已有的兑换订单不受影响`);
      reload();
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<GoodsView> = [
    {
      title: '物品',
      key: 'name',
      render: (_, g) => (
        <Flex vertical>
          <Typography.Text strong>{g.name}</Typography.Text>
          {g.description && <Typography.Text type="secondary">{g.description}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '所需积分', key: 'price', width: 110, align: 'right', render: (_, g) => `${g.price} 分` },
    {
      title: '库存',
      key: 'stock',
      width: 110,
      align: 'right',
      render: (_, g) => (g.stock > 0 ? `${g.stock} 件` : <Tag color="red">无货</Tag>),
    },
    { title: '状态', key: 'status', width: 100, render: (_, g) => <Tag color={g.status === 'on' ? 'green' : 'default'}>{g.statusLabel}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, g) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setEditing(g)}>
            编辑
          </Button>
          <Button size="small" type="link" onClick={() => setRestocking(g)}>
            补货
          </Button>
          <Popconfirm
            title={g.status === 'on' ? `下架「${g.name}」？` : `上架「${g.name}」？`}
            description={g.status === 'on' ? '下架后居民不能再兑换，已有的订单照常领取。' : '上架后居民就能用积分兑换。'}
            okText={g.status === 'on' ? '下架' : '上架'}
            cancelText="取消"
            onConfirm={() => shelve(g)}
          >
            <Button size="small" type="link" loading={busy === g.id}>
              {g.status === 'on' ? '下架' : '上架'}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="goods-total">
          {data ? `共 ${data.goods.length} 件物品，上架 ${data.goods.filter((g) => g.status === 'on').length} 件` : ' '}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加物品
        </Button>
      </Flex>
      <Table<GoodsView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.goods ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有物品：点“添加物品”上架第一件' }}
      />
      {editing && (
        <GoodsModal
          communityId={communityId}
          goods={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onFailed={(e, form) => refused(e, form)}
          onSaved={(g) => {
            message.success(editing === 'new' ? `已添加「${g.name}」，库存 ${g.stock} 件` : `已保存「${g.name}」`);
            setEditing(null);
            reload();
          }}
        />
      )}
      {restocking && (
        <RestockModal
          goods={restocking}
          onClose={() => setRestocking(null)}
          onFailed={(e, form) => refused(e, form)}
          onSaved={(g) => {
            message.success(`「${g.name}」现有库存 ${g.stock} 件`);
            setRestocking(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
