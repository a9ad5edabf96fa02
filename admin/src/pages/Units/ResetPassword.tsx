import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { PersonView } from '../../api';
import { useFailure } from '../../feedback';

interface Props {
  person: PersonView;
}

// Letters and digits that cannot be misread when said aloud or copied from paper (no 0/O, 1/l/I).
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A password staff can read out over the phone: 10 characters of READABLE. */
function readablePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => READABLE[b % READABLE.length]).join('');
}

/**
 * 重置密码: for a person who forgot theirs, or whose account is locked after wrong tries. Staff
 * choose the new one and tell it to the person; every session of theirs ends and the lock lifts.
 * The field is shown in clear: staff read it out, and a typing mistake would lock the person out.
 */
export function ResetPassword({ person }: Props) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState(false);

  async function submit(v: { password: string }) {
    setBusy(true);
    try {
      const r = await api.people.resetPassword({ personId: person.id, password: v.password });
      message.success(`已重置${person.name}的密码${r.sessionsEnded > 0 ? `，${r.sessionsEnded} 处登录已退出` : ''}`);
      setOpen(false);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(true)}>
        重置密码
      </Button>
      {open && (
        <Modal
          open
          title={`重置${person.name}的密码`}
          okText="重置"
          cancelText="取消"
          confirmLoading={busy}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
          width={500}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {[person.name, person.phone, person.username && `账号 ${person.username}`].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`重置后，${person.name}在所有地方的登录都会退出，要用新密码重新登录；因输错密码被暂停的登录也会恢复。请当面或打电话把新密码告诉本人，提醒登录后自己修改。`}
          />
          <Form form={form} name="resetPassword" layout="vertical" onFinish={submit} initialValues={{ password: readablePassword() }}>
            <Form.Item
              name="password"
              label="新密码"
              extra="已随机生成一个，可以改成别的"
              rules={[
                { required: true, message: '请填写新密码' },
                { min: 8, message: '密码至少 8 位' },
                { max: 128, message: '密码最多 128 位' },
              ]}
            >
              <Input
                autoFocus
                autoComplete="off"
                spellCheck={false}
                style={{ fontFamily: 'monospace' }}
                suffix={
                  <Button type="link" size="small" onClick={() => form.setFields([{ name: 'password', value: readablePassword(), errors: [] }])}>
                    换一个
                  </Button>
                }
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
