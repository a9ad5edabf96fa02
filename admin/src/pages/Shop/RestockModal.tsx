/** 补货: the stock changed by a number (plus when more arrive, minus when some are damaged); redemptions meanwhile are kept. */
import { Alert, Form, InputNumber, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { GoodsView } from '../../api';
import { GOODS_STOCK_MAX } from '../../../../src/core/shop';

interface Values {
  delta: number;
}

interface Props {
  goods: GoodsView;
  onSaved(g: GoodsView): void;
  onFailed(e: unknown, form: FormInstance<Values>): void;
  onClose(): void;
}

export function RestockModal({ goods, onSaved, onFailed, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const delta = Form.useWatch('delta', form);

  async function submit(v: Values) {
    setBusy(true);
    try {
      onSaved(await api.points.restock({ id: goods.id, delta: v.delta }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`补货「${goods.name}」`} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={480} destroyOnHidden>
      <Alert type="info" showIcon style={{ margin: '8px 0 16px' }} title={`现有库存 ${goods.stock} 件。到货填正数，损坏或盘亏填负数。`} />
      <Form<Values> form={form} name="restock" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="delta"
          label="增减数量"
          extra={typeof delta === 'number' && delta !== 0 ? `保存后库存为 ${goods.stock + delta} 件` : undefined}
          rules={[
            { required: true, message: '请填写增减的数量' },
            { type: 'number', min: -GOODS_STOCK_MAX, max: GOODS_STOCK_MAX, message: `数量应在 -${GOODS_STOCK_MAX} 到 ${GOODS_STOCK_MAX} 之间` },
            {
              validator: (_, n?: number) =>
                n === 0
                  ? Promise.reject(new Error('增减的数量不能为 0'))
                  : typeof n === 'number' && goods.stock + n < 0
                    ? Promise.reject(new Error(`现有库存 ${goods.stock} 件，最多减少 ${goods.stock} 件`))
                    : Promise.resolve(),
            },
          ]}
        >
          <InputNumber<number> autoFocus precision={0} suffix="件" style={{ width: 200 }} placeholder="如 20 或 -2" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
