import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { CodeView } from '../../api';
import { useFailure } from '../../feedback';

interface Props {
  code: CodeView;
  onRevoked(code: CodeView): void;
  /** The list was out of date (someone else revoked it first): reload it. */
  onStale(): void;
  onClose(): void;
}

const STALE: readonly string[] = ['CODE.ALREADY_REVOKED', 'CODE.NOT_FOUND'];

/** 作废: a code stops working for good; the reason is kept with it and shown in the list. */
export function RevokeCode({ code, onRevoked, onStale, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const name = `${code.purposeLabel}${code.label ? `「${code.label}」` : ''}`;

  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      const revoked = await api.codes.revoke({ id: code.id, reason: v.reason.trim() });
      message.success(`已作废${name}`);
      onRevoked(revoked);
    } catch (e) {
      fail(e, form);
      if (e instanceof ApiError && STALE.includes(e.code)) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`作废${name}`}
      okText="作废"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={520}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {code.trail}
        {code.person ? ` · 为${code.person.name}` : ''} · 码号 {code.id}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="作废后不能恢复：再扫这个码会提示“此码已作废”。已贴出的海报请及时撤下，需要时重新生成一个码。"
      />
      <Form form={form} name="revokeCode" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="作废原因"
          rules={[
            { required: true, whitespace: true, message: '请填写作废原因' },
            { max: 100, message: '作废原因最多 100 个字' },
          ]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={100} showCount placeholder="如：海报被撕毁，已换新码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
