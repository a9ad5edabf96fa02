import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { IssuedApiKey, UnitRef } from '../../api';
import { useFailure } from '../../feedback';

interface Props {
  community: UnitRef;
  onIssued(issued: IssuedApiKey): void;
  onClose(): void;
}

/**
 * 发放密钥: the partner's name, then the key in full — this once: only its hash is kept, so a key
 * lost is revoked and a new one issued.
 */
export function IssueKey({ community, onIssued, onClose }: Props) {
  const [form] = Form.useForm<{ partner: string }>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);

  async function submit(v: { partner: string }) {
    setBusy(true);
    try {
      const r = await api.open311.issueKey({ communityId: community.id, partner: v.partner.trim() });
      setIssued(r);
      onIssued(r);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      message.success('已复制密钥');
    } catch {
      message.info('请选中密钥后按 Ctrl+C 复制');
    }
  }

  if (issued)
    return (
      <Modal open title={`${issued.key.partner}的接口密钥`} okText="我已保存好密钥" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={600} destroyOnHidden>
        <Alert type="warning" showIcon style={{ margin: '8px 0 16px' }} title="密钥只显示这一次：关闭后无法再查看。请现在复制，交给对方的技术人员，不要通过群聊转发。丢失了就撤销它，再发一个新的。" />
        <Typography.Paragraph>
          <Typography.Text code copyable={false} style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="issued-secret">
            {issued.secret}
          </Typography.Text>
        </Typography.Paragraph>
        <Button icon={<CopyOutlined />} onClick={() => copy(issued.secret)}>
          复制密钥
        </Button>
      </Modal>
    );

  return (
    <Modal open title={`为${community.name}发放接口密钥`} okText="发放" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={520} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        对方的系统（如街道 12345 热线、区级平台）用这个密钥通过 Open311 接口查询本社区的反映，并替居民提交反映。提交的反映按类别自动派给楼栋、小区或社区办理，不带居民的姓名和电话。
      </Typography.Paragraph>
      <Form form={form} name="issueKey" layout="vertical" onFinish={submit}>
        <Form.Item
          name="partner"
          label="使用单位"
          rules={[
            { required: true, whitespace: true, message: '请填写使用单位' },
            { max: 30, message: '使用单位最多 30 个字' },
          ]}
        >
          <Input autoFocus maxLength={30} placeholder="如：幸福街道 12345 热线" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
