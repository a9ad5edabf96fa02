import { Alert, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { RegistrationQueueItem, RegistrationView } from '../../api';

interface Props {
  item: RegistrationQueueItem;
  onRejected(r: RegistrationView): void;
  /** A failure: the page tells the person (and reloads when the queue was out of date); the form keeps what was typed. */
  onFailed(e: unknown, form: FormInstance<{ reason: string }>): void;
  onClose(): void;
}

/** Reasons approvers give most, to start from: the applicant reads the reason and can put it right. */
const COMMON = ['门牌号不对，请核对后重新登记', '经核实不是这栋楼的住户', '请填写真实姓名后重新登记', '电话打不通，请填写本人常用的手机号'];

/** 不通过: with a reason the applicant reads (in their registration, and as a message if they are a resident already). */
export function RejectModal({ item, onRejected, onFailed, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      onRejected(await api.registration.reject({ id: item.id, version: item.version, reason: v.reason.trim() }));
    } catch (e) {
      onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`不通过${item.name}的登记`}
      okText="不通过"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {item.trail} · {item.doorLabel || '没有填门牌'} · {item.phone}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="申请人会看到您写的原因。请写清楚哪里不对、怎么改，改正后可以用同一个码重新登记。"
      />
      <Form form={form} name="rejectRegistration" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="不通过的原因"
          rules={[
            { required: true, whitespace: true, message: '请填写不通过的原因，申请人会看到' },
            { max: 100, message: '原因最多 100 个字' },
          ]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={100} showCount placeholder="如：门牌号不对，请核对后重新登记" />
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
