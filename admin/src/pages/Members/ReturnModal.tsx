import { Alert, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { CheckinQueueItem, CheckinView } from '../../api';

interface Props {
  item: CheckinQueueItem;
  onReturned(c: CheckinView): void;
  /** A failure: the page tells the person (and reloads when the queue was out of date); the form keeps what was typed. */
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

/** Reasons secretaries give most, to start from: the member reads the reason and can put it right. */
const COMMON = [
  '组织关系所在党支部填写不完整，请写全称后重新报到',
  '党员类型选错了，请核对后重新报到',
  '电话打不通，请填写本人常用的手机号',
  '经核实不在本小区居住或工作，请到所在小区报到',
];

/** 退回: with a reason the member reads (in 我的报到, and as a message if they are a person already). */
export function ReturnModal({ item, onReturned, onFailed, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      onReturned(await api.members.return({ id: item.id, version: item.version, reason: v.reason.trim() }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`退回${item.name}的报到`}
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={580}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {item.trail} · {item.memberTypeLabel}党员 · {item.phone}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="报到人会在“我的报到”里看到您写的原因。请写清楚哪里不对、怎么改，改正后可以用同一个报到码重新报到。"
      />
      <Form form={form} name="returnCheckin" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="退回的原因"
          rules={[
            { required: true, whitespace: true, message: '请填写退回的原因，报到人会看到' },
            { max: 100, message: '原因最多 100 个字' },
          ]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={100} showCount placeholder="如：组织关系所在党支部填写不完整，请写全称后重新报到" />
        </Form.Item>
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">常用：</Typography.Text>
          {COMMON.map((c) => (
            <Tag.CheckableTag key={c} checked={false} onChange={() => form.setFields([{ name: 'reason', value: c, errors: [] }])} style={{ border: '1px solid #d9d9d9' }}>
              {c}
            </Tag.CheckableTag>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
