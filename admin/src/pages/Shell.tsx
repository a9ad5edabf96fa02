import { Button, Flex, Layout, Menu, Popconfirm, Result, Spin, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { ApartmentOutlined, BookOutlined, DashboardOutlined, LogoutOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { Suspense, lazy } from 'react';
import { STAFF_ROLES } from '../core';
import { navigate } from '../router';
import type { RouteName } from '../router';
import { describeRoles, useSession } from '../session';

const Units = lazy(() => import('./Units'));

const soon = (label: string) => (
  <Tooltip title="即将开放" placement="right">
    <span>{label}</span>
  </Tooltip>
);

const items: MenuProps['items'] = [
  { key: 'home', icon: <DashboardOutlined />, label: soon('工作台'), disabled: true },
  { key: 'units', icon: <ApartmentOutlined />, label: '单位与人员' },
  { key: 'ledger', icon: <ProfileOutlined />, label: soon('民情台账'), disabled: true },
  { key: 'lectures', icon: <BookOutlined />, label: soon('讲堂'), disabled: true },
];

export default function Shell({ route }: { route: RouteName }) {
  const { me, signOut } = useSession();
  const roles = describeRoles(
    { ...me, bindings: me.bindings.filter((b) => STAFF_ROLES.includes(b.role)) },
    STAFF_ROLES,
  );

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          近邻 · 社区管理
        </Typography.Title>
        <Flex align="center" gap={16} style={{ marginLeft: 'auto', color: 'rgba(255,255,255,0.85)', minWidth: 0 }}>
          <UserOutlined />
          <span style={{ whiteSpace: 'nowrap' }} data-testid="me-name">
            {me.person.name}
          </span>
          <Typography.Text ellipsis style={{ color: 'rgba(255,255,255,0.65)', maxWidth: 420 }} title={roles}>
            {roles}
          </Typography.Text>
          <Popconfirm title="确定退出登录吗？" okText="退出" cancelText="取消" onConfirm={signOut} placement="bottomRight">
            <Button icon={<LogoutOutlined />} ghost>
              退出登录
            </Button>
          </Popconfirm>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[route === 'units' ? 'units' : '']}
            items={items}
            onClick={({ key }) => key === 'units' && navigate('units')}
            style={{ height: '100%', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 64 }}>
                <Spin size="large" />
              </Flex>
            }
          >
            {route === 'units' ? (
              <Units />
            ) : (
              <Result
                status="404"
                title="没有这个页面"
                extra={
                  <Button type="primary" onClick={() => navigate('units')}>
                    前往 单位与人员
                  </Button>
                }
              />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
