import { Alert, App, Dropdown, Form, Input, Modal } from 'antd';
import { DownOutlined, KeyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useFailure } from '../feedback';

interface Values {
  current: string;
  next: string;
  again: string;
}

/**
 * The signed-in person's name in the header, opening their own menu: 修改密码. Changing it ends
 * their sessions elsewhere and keeps this one; the current password is checked, and wrong tries
 * count toward the sign-in lock (the server says so, with the time it ends).
 */
export function MeMenu({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items: [{ key: 'password', icon: <KeyOutlined />, label: '修改密码' }], onClick: () => setOpen(true) }}>
        <a style={{ color: 'inherit', whiteSpace: 'nowrap' }} onClick={(e) => e.preventDefault()}>
          <span data-testid="me-name">{name}</span> <DownOutlined style={{ fontSize: 10 }} />
        </a>
      </Dropdown>
      {open && <ChangePasswordModal onClose={() => setOpen(false)} />}
    </>
  );
}

function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  // A lock's message carries the time it ends: it stays in view rather than passing as a toast.
  const [locked, setLocked] = useState<string | null>(null);

  async function submit(v: Values) {
    setBusy(true);
    setLocked(null);
    try {
      const r = await api.auth.changePassword({ current: v.current, next: v.next });
      message.success(r.sessionsEnded > 0 ? `密码已修改，其他 ${r.sessionsEnded} 处登录已退出` : '密码已修改');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH.LOCKED') setLocked(e.message);
      else fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title="修改密码" okText="修改" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={460} destroyOnHidden>
      <Alert type="info" showIcon style={{ margin: '8px 0 16px' }} title="修改后，您在其他电脑或浏览器上的登录会退出，这里不受影响。" />
      {locked && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={locked} data-testid="password-locked" />}
      <Form form={form} name="changePassword" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="current" label="现在的密码" rules={[{ required: true, message: '请填写现在的密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label="新密码"
          rules={[
            { required: true, message: '请填写新密码' },
            { min: 8, message: '密码至少 8 位' },
            { max: 128, message: '密码最多 128 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label="再输一次新密码"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再输一次新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一样'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
