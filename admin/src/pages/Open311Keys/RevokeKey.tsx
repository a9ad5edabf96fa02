import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { ApiKeyView } from '../../api';
import { useFailure } from '../../feedback';

interface Props {
  apiKey: ApiKeyView;
  onRevoked(key: ApiKeyView): void;
  /** Someone else revoked it first: reload the list. */
  onStale(): void;
  onClose(): void;
}

const STALE: readonly string[] = ['APIKEY.ALREADY_REVOKED', 'APIKEY.NOT_FOUND'];

/** 撤销: the key stops working at once, for good; the reason is kept and audited. */
export function RevokeKey({ apiKey, onRevoked, onStale, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);

  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      const revoked = await api.open311.revokeKey({ id: apiKey.id, reason: v.reason.trim() });
      message.success(`已撤销${apiKey.partner}的密钥`);
      onRevoked(revoked);
    } catch (e) {
      fail(e, form);
      if (e instanceof ApiError && STALE.includes(e.code)) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`撤销${apiKey.partner}的密钥`} okText="撤销" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={520} destroyOnHidden>
      <Alert type="warning" showIcon style={{ margin: '8px 0 16px' }} title={`撤销后立即失效，不能恢复：用 ${apiKey.shown} 的查询和提交都会被拒绝。已提交的反映照常办理。`} />
      <Form form={form} name="revokeKey" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写撤销原因' },
            { max: 100, message: '撤销原因最多 100 个字' },
          ]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={100} showCount placeholder="如：合作结束；密钥可能已外泄" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
