import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { CodePurpose, CodeView, UnitRef } from '../../api';
import { CODE_PURPOSE_DOES, CODE_PURPOSE_LABEL, PERSONAL_CODE_DAYS } from '../../core';
import { useFailure } from '../../feedback';
import { PersonSelect } from './PersonSelect';
import { isPastDay, windowOf } from './validity';
import type { PickedRange } from './validity';

interface Props {
  unit: UnitRef;
  /** "阳光社区 幸福里小区 3号楼" */
  trail: string;
  /** The purposes the caller makes codes for on this unit, as the list answered. */
  purposes: CodePurpose[];
  onCreated(code: CodeView): void;
  onClose(): void;
}

interface Values {
  purpose: CodePurpose;
  label?: string;
  personId?: string;
  range?: PickedRange;
  useLimit?: number | null;
}

/** 生成码: a code on the chosen unit, for one of the purposes made there. */
export function CreateCode({ unit, trail, purposes, onCreated, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const purpose = Form.useWatch('purpose', form);
  const personal = purpose === 'personal';

  async function submit(v: Values) {
    setBusy(true);
    try {
      // A personal code's window and single use are the server's rule, not the maker's choice.
      const code = await api.codes.create({
        unitId: unit.id,
        purpose: v.purpose,
        label: v.label?.trim() || null,
        ...(personal ? { personId: v.personId } : { ...windowOf(v.range), useLimit: v.useLimit ?? null }),
      });
      message.success(`已生成${code.purposeLabel}${code.label ? `「${code.label}」` : ''}，可点“海报”打印`);
      onCreated(code);
    } catch (e) {
      // The server names validFrom/validUntil; the person picked both in one range field.
      const onWindow = e instanceof ApiError && (e.code === 'CODE.BAD_WINDOW' || e.field === 'validFrom' || e.field === 'validUntil');
      if (onWindow) form.setFields([{ name: 'range', errors: [e.message] }]);
      else fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`生成码 · ${unit.name}`}
      okText="生成"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {trail}
      </Typography.Paragraph>
      <Form
        form={form}
        name="createCode"
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{ purpose: purposes.length === 1 ? purposes[0] : undefined }}
      >
        <Form.Item name="purpose" label="用途" rules={[{ required: true, message: '请选择码的用途' }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={purposes.map((p) => ({
              value: p,
              label: (
                <span>
                  {CODE_PURPOSE_LABEL[p]}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    扫码后：{CODE_PURPOSE_DOES[p]}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="label"
          label="说明"
          extra="贴在哪里或做什么用，印在海报上，也方便以后在列表里认出它"
          rules={[{ max: 40, message: '说明最多 40 个字' }]}
        >
          <Input placeholder={personal ? '如：上门走访时打印' : '如：3号楼一单元门口'} maxLength={40} showCount />
        </Form.Item>
        {personal ? (
          <>
            <Form.Item name="personId" label="为谁" rules={[{ required: true, message: '请选择这个码是给谁的' }]}>
              <PersonSelect onError={fail} />
            </Form.Item>
            <Alert
              type="info"
              showIcon
              title={`个人码只能由这个人使用一次，生成后 ${PERSONAL_CODE_DAYS} 天内有效。适合上门走访时打印给不方便自己操作的居民。`}
            />
          </>
        ) : (
          <>
            <Form.Item name="range" label="有效期" extra="按北京时间整天计算。不选开始日期为立即生效，不选结束日期为长期有效">
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={['立即生效', '长期有效']}
                disabledDate={(d) => isPastDay(d, Date.now())}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              name="useLimit"
              label="使用次数上限"
              extra="有人凭这个码提交登记、报到或签到，算用一次；登记被退回时次数退还。不填为不限"
            >
              <InputNumber min={1} max={100000} precision={0} placeholder="不限" suffix="次" style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
