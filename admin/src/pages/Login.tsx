import { Alert, App, Button, Card, Divider, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api, ApiError, setToken, SESSION_LOST_MESSAGE } from '../api';
import { hasDrafts } from '../drafts';
import type { DemoLogin, Me } from '../api';
import { STAFF_ROLES } from '../core';
import { useFailure } from '../feedback';
import { NOT_STAFF_MESSAGE } from '../staffOnly';

interface Props {
  notice?: string;
  onSignedIn(me: Me): void;
}

interface Credentials {
  username: string;
  password: string;
}

export default function Login({ notice, onSignedIn }: Props) {
  const [form] = Form.useForm<Credentials>();
  const { message } = App.useApp();
  const fail = useFailure();
  const [busy, setBusy] = useState<string | null>(null);
  const [demos, setDemos] = useState<DemoLogin[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    // Demo logins exist only in demo data; an empty list simply hides the section.
    api.auth.demoLogins({}).then(setDemos, () => setDemos([]));
  }, []);

  async function signIn(creds: Credentials, key: string) {
    setBusy(key);
    setRefusal(null);
    try {
      const signed = await api.auth.signIn(creds);
      if (!signed.me.isStaff) {
        // A valid account that belongs in the mini-program: do not leave its session behind.
        setToken(signed.token);
        await api.auth.signOut({}).catch(() => undefined);
        setToken(null);
        const roles = signed.me.bindings.map((b) => b.roleLabel).join('、') || '未绑定角色';
        setRefusal(`${signed.me.person.name}（${roles}）不能登录管理后台。${NOT_STAFF_MESSAGE}`);
        return;
      }
      setToken(signed.token);
      message.success(`欢迎您，${signed.me.person.name}`);
      onSignedIn(signed.me);
    } catch (e) {
      // A lock's message says until when: it stays in view rather than passing as a toast.
      if (e instanceof ApiError && e.code === 'AUTH.LOCKED') setRefusal(e.message);
      else fail(e, key === 'form' ? form : undefined);
    } finally {
      setBusy(null);
    }
  }

  const staffDemos = demos.filter((d) => STAFF_ROLES.includes(d.role));
  const otherDemos = demos.filter((d) => !STAFF_ROLES.includes(d.role));

  return (
    <Flex justify="center" align="flex-start" style={{ minHeight: '100%', padding: '8vh 16px', boxSizing: 'border-box' }}>
      <Card style={{ width: 480 }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          近邻 · 社区管理
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          社区工作人员、社区书记、街道工作人员登录
        </Typography.Paragraph>

        {notice && (
          <Alert
            type="warning"
            showIcon
            title={notice}
            description={notice === SESSION_LOST_MESSAGE && hasDrafts() ? '您正在填写的内容已暂存在本页，重新登录后会回到原来的页面，表单会自动填回。' : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}

        <Form name="login" form={form} layout="vertical" size="large" onFinish={(v) => signIn(v, 'form')} requiredMark={false}>
          <Form.Item name="username" label="账号" rules={[{ required: true, whitespace: true, message: '请填写账号' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入账号" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy === 'form'} disabled={busy !== null && busy !== 'form'}>
            登录
          </Button>
        </Form>

        {staffDemos.length > 0 && (
          <>
            <Divider plain>演示账号 · 一键登录</Divider>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {staffDemos.map((d) => (
                <DemoButton key={d.username} demo={d} busy={busy} onClick={() => signIn(d, d.username)} />
              ))}
            </Space>
          </>
        )}
        {otherDemos.length > 0 && (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
              以下角色在“近邻”小程序中使用，不能登录管理后台：
            </Typography.Paragraph>
            <Flex wrap gap={8}>
              {otherDemos.map((d) => (
                <Button key={d.username} size="small" type="dashed" loading={busy === d.username} disabled={busy !== null && busy !== d.username} onClick={() => signIn(d, d.username)}>
                  {d.roleLabel} {d.name}
                </Button>
              ))}
            </Flex>
          </>
        )}
      </Card>
    </Flex>
  );
}

function DemoButton({ demo, busy, onClick }: { demo: DemoLogin; busy: string | null; onClick(): void }) {
  return (
    <Button block size="large" loading={busy === demo.username} disabled={busy !== null && busy !== demo.username} onClick={onClick}>
      <Flex justify="space-between" style={{ width: '100%' }}>
        <span>
          <Tag color="blue">{demo.roleLabel}</Tag>
          {demo.name}
        </span>
        <Typography.Text type="secondary">{demo.unit}</Typography.Text>
      </Flex>
    </Button>
  );
}
