/**
 * The one dialog for a decision that needs a reason (不通过, 退回, 作废, 撤销, 解绑, 转出, 取消…): the
 * context in grey, what the decision does, the reason (required, at most 100 characters) with the
 * reasons given most as one-tap starts, and extra fields above it when the decision needs them.
 * The dialog keeps what was typed when the server refuses; the page says why (onFailed).
 */
import { Alert, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';

export const REASON_MAX = 100;

export interface ReasonModalProps<V extends { reason: string }> {
  title: string;
  okText: string;
  /** False for a decision that gives rather than takes (奖励积分): the button is not red. */
  okDanger?: boolean;
  /** The form's name (ids of its fields in the page, and in tests). */
  name: string;
  width?: number;
  /** Who or what is decided on, in grey under the title. */
  context?: ReactNode;
  /** What the decision does, said before it is made. */
  notice: { type: 'info' | 'warning'; text: string };
  label: string;
  /** What the reason's empty field says. */
  required: string;
  placeholder: string;
  rows?: number;
  common?: readonly string[];
  /** Fields asked before the reason (e.g. the day a member transferred out). */
  children?: ReactNode;
  initialValues?: Partial<V>;
  /** Makes the change; `reason` arrives trimmed. A throw goes to onFailed and the dialog stays open. */
  onSubmit(values: V): Promise<void>;
  onFailed(e: unknown, form: FormInstance<V>): void;
  onClose(): void;
}

export function ReasonModal<V extends { reason: string }>(props: ReasonModalProps<V>) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const { common = [] } = props;

  async function submit(v: V) {
    setBusy(true);
    try {
      await props.onSubmit({ ...v, reason: v.reason.trim() });
    } catch (e) {
      props.onFailed(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.okDanger ?? true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={props.width ?? 560}
      destroyOnHidden
    >
      {props.context && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {props.context}
        </Typography.Paragraph>
      )}
      <Alert type={props.notice.type} showIcon style={{ margin: props.context ? '0 0 16px' : '8px 0 16px' }} title={props.notice.text} />
      <Form form={form} name={props.name} layout="vertical" onFinish={submit} initialValues={props.initialValues} requiredMark={false}>
        {props.children}
        <Form.Item
          name="reason"
          label={props.label}
          rules={[
            { required: true, whitespace: true, message: props.required },
            { max: REASON_MAX, message: `原因最多 ${REASON_MAX} 个字` },
          ]}
        >
          <Input.TextArea autoFocus rows={props.rows ?? 3} maxLength={REASON_MAX} showCount placeholder={props.placeholder} />
        </Form.Item>
        {common.length > 0 && (
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary">常用：</Typography.Text>
            {common.map((c) => (
              <Tag.CheckableTag key={c} checked={false} onChange={() => (form as FormInstance).setFields([{ name: 'reason', value: c, errors: [] }])} style={{ border: '1px solid #d9d9d9' }}>
                {c}
              </Tag.CheckableTag>
            ))}
          </Flex>
        )}
      </Form>
    </Modal>
  );
}
