import { Alert, App, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { PersonView } from '../../api';
import { useFailure } from '../../feedback';

interface Props {
  person: PersonView;
  onUnbound(p: PersonView): void;
  onClose(): void;
}

/** Why staff unbind, most often: to start from. */
const COMMON = ['换了手机号', '手机给了别人', '绑错了人'];

/**
 * 解绑微信: the WeChat user is no longer this person (a phone changed hands). Their reports and
 * records stay theirs; whoever holds the phone now is a stranger to the app. Audited with the reason.
 */
export function UnbindWechat({ person, onUnbound, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);

  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      const after = await api.people.unbindWechat({ personId: person.id, reason: v.reason.trim() });
      message.success(`已解绑${person.name}的微信`);
      onUnbound(after);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`解绑${person.name}的微信`}
      okText="解绑"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={540}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {[person.name, person.phone].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`解绑后，这个微信打开近邻不再是${person.name}；${person.name}的反映和记录都保留。本人换了手机后，扫楼栋码或个人码重新登记即可。`}
      />
      <Form form={form} name="unbindWechat" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="解绑原因"
          rules={[
            { required: true, whitespace: true, message: '请写明解绑原因' },
            { max: 100, message: '原因最多 100 个字' },
          ]}
        >
          <Input.TextArea autoFocus rows={2} maxLength={100} showCount placeholder="如：换了手机号、手机给了别人" />
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
