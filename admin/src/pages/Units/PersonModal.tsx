import { App, Divider, Form, Input, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { PersonView } from '../../api';

interface Values {
  name: string;
  phone?: string;
  username?: string;
  password?: string;
}

interface Props {
  onClose(): void;
  onCreated(person: PersonView): void;
  onError(e: unknown, form?: FormInstance): void;
}

const blankToUndefined = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** Registers a person (a resident, a building lead, a new colleague). Web sign-in is optional. */
export function PersonModal({ onClose, onCreated, onError }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    try {
      const person = await api.people.create({
        name: v.name.trim(),
        phone: blankToUndefined(v.phone),
        username: blankToUndefined(v.username),
        password: v.password ? v.password : undefined,
      });
      message.success(`已登记${person.name}，请继续为其选择角色并绑定`);
      onCreated(person);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="新增人员"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={520}
    >
      <Form name="person" form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 16 }}>
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 20, message: '姓名最多 20 个字' },
          ]}
        >
          <Input autoFocus placeholder="如：张三" />
        </Form.Item>
        <Form.Item name="phone" label="手机号" rules={[{ pattern: /^\s*1[3-9]\d{9}\s*$/, message: '手机号应为 11 位数字' }]}>
          <Input placeholder="11 位手机号，可不填" maxLength={11} />
        </Form.Item>
        <Divider plain style={{ margin: '8px 0 4px' }}>
          网页登录（可不填）
        </Divider>
        <Typography.Paragraph type="secondary">只有需要登录管理后台的工作人员才要设置账号和密码；居民、楼栋长用小程序，不用填写。</Typography.Paragraph>
        <Form.Item
          name="username"
          label="登录账号"
          dependencies={['password']}
          rules={[
            { pattern: /^\s*[a-zA-Z0-9_.-]{3,32}\s*$/, message: '账号为 3 到 32 位字母、数字或 _ . -' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !blankToUndefined(value) && getFieldValue('password') ? Promise.reject(new Error('设置了密码，也要填写账号')) : Promise.resolve(),
            }),
          ]}
        >
          <Input placeholder="如：zhangsan" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label="登录密码"
          dependencies={['username']}
          rules={[
            { min: 8, message: '密码至少 8 位' },
            { max: 128, message: '密码最多 128 位' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                blankToUndefined(getFieldValue('username')) && !value ? Promise.reject(new Error('设置账号时，要一起设置密码')) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password placeholder="至少 8 位" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
