/**
 * 添加物品 / 编辑物品: name, what to say about it (where and when to collect), price in points, the
 * stock (on creation only: later the stock changes by 补货, so an edit never overwrites redemptions
 * made meanwhile) and whether it is on the shelf.
 */
import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { GoodsView } from '../../api';
import { GOODS_PRICE_MAX, GOODS_STOCK_MAX, type GoodsStatus } from '../../../../src/core/shop';

export interface GoodsValues {
  name: string;
  description?: string;
  price: number;
  stock?: number;
  status: GoodsStatus;
}

interface Props {
  communityId: string;
  /** null: a new one. */
  goods: GoodsView | null;
  onSaved(g: GoodsView): void;
  onFailed(e: unknown, form: FormInstance<GoodsValues>): void;
  onClose(): void;
}

export function GoodsModal({ communityId, goods, onSaved, onFailed, onClose }: Props) {
  const [form] = Form.useForm<GoodsValues>();
  const [busy, setBusy] = useState(false);

  async function submit(v: GoodsValues) {
    setBusy(true);
    try {
      const base = { communityId, name: v.name.trim(), description: v.description?.trim() || null, price: v.price, status: v.status };
      onSaved(await api.points.saveGoods(goods ? { ...base, id: goods.id, version: goods.version } : { ...base, stock: v.stock ?? 0 }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={goods ? `编辑「${goods.name}」` : '添加物品'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={560} destroyOnHidden>
      <Form<GoodsValues>
        form={form}
        name="goods"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        style={{ marginTop: 16 }}
        initialValues={goods ? { name: goods.name, description: goods.description ?? '', price: goods.price, status: goods.status } : { status: 'on' }}
      >
        <Form.Item name="name" label="物品名称" rules={[{ required: true, whitespace: true, message: '请填写物品名称' }, { max: 30, message: '物品名称最多 30 个字' }]}>
          <Input placeholder="如：洗衣液 2kg" maxLength={30} />
        </Form.Item>
        <Form.Item name="description" label="说明（可不填）" rules={[{ max: 200, message: '说明最多 200 个字' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：每周三下午到社区服务中心领取" />
        </Form.Item>
        <Form.Item
          name="price"
          label="所需积分"
          rules={[
            { required: true, message: '请填写兑换所需的积分' },
            { type: 'number', min: 1, max: GOODS_PRICE_MAX, message: `所需积分应在 1 到 ${GOODS_PRICE_MAX} 之间` },
          ]}
        >
          <InputNumber<number> precision={0} suffix="分" style={{ width: 200 }} placeholder="如 20" />
        </Form.Item>
        {!goods && (
          <Form.Item
            name="stock"
            label="库存"
            extra="以后增减库存请用“补货”"
            rules={[
              { required: true, message: '请填写库存数量' },
              { type: 'number', min: 0, max: GOODS_STOCK_MAX, message: `库存应在 0 到 ${GOODS_STOCK_MAX} 之间` },
            ]}
          >
            <InputNumber<number> precision={0} suffix="件" style={{ width: 200 }} placeholder="如 50" />
          </Form.Item>
        )}
        <Form.Item name="status" label="状态">
          <Radio.Group
            options={[
              { value: 'on', label: '上架（居民可以兑换）' },
              { value: 'off', label: '下架' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
