import { Badge, Button, Flex, Layout, Menu, Popconfirm, Result, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileExcelOutlined,
  FlagOutlined,
  GiftOutlined,
  LogoutOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Suspense, lazy, useEffect } from 'react';
import { usePendingCount } from '../approvals';
import { MeMenu } from './ChangePassword';
import { approvalRoots, STAFF_ROLES } from '../core';
import { navigate, PAGES } from '../router';
import type { PageName, RouteName } from '../router';
import { describeRoles, scopedBindings, useSession } from '../session';

// One chunk per page: the first load carries only the shell; ECharts comes with the dashboard's charts.
const PAGE_COMPONENTS: Record<PageName, React.LazyExoticComponent<() => React.JSX.Element>> = {
  dashboard: lazy(() => import('./Dashboard')),
  desk: lazy(() => import('./Desk')),
  approvals: lazy(() => import('./Approvals')),
  agenda: lazy(() => import('./Agenda')),
  units: lazy(() => import('./Units')),
  codes: lazy(() => import('./Codes')),
  settings: lazy(() => import('./Settings')),
  holidays: lazy(() => import('./Holidays')),
  ledger: lazy(() => import('./Ledger')),
  audit: lazy(() => import('./Audit')),
  open311: lazy(() => import('./Open311Keys')),
  'members/checkins': lazy(() => import('./Members/Checkins')),
  'members/roster': lazy(() => import('./Members/Roster')),
  'members/counts': lazy(() => import('./Members/Counts')),
  'members/points': lazy(() => import('./Members/Points')),
  grids: lazy(() => import('./Grids')),
  pairings: lazy(() => import('./Pairings')),
  lectures: lazy(() => import('./Lectures')),
  'lectures/speakers': lazy(() => import('./Lectures/Speakers')),
  'lectures/figures': lazy(() => import('./Lectures/Figures')),
  'lectures/roster': lazy(() => import('./Lectures/Roster')),
  'lectures/venue': lazy(() => import('./Lectures/Venue')),
  points: lazy(() => import('./Points')),
  'points/rules': lazy(() => import('./Points/Rules')),
  'points/services': lazy(() => import('./ServiceRecords')),
  shop: lazy(() => import('./Shop')),
  wishes: lazy(() => import('./Wishes')),
  'wishes/all': lazy(() => import('./Wishes/All')),
  // One chunk for the four (Assessments/pages.ts says why).
  assessments: lazy(() => import('./Assessments/pages').then((m) => ({ default: m.Review }))),
  'assessments/companies': lazy(() => import('./Assessments/pages').then((m) => ({ default: m.Companies }))),
  'assessments/policy': lazy(() => import('./Assessments/pages').then((m) => ({ default: m.Policy }))),
  'assessments/print': lazy(() => import('./Assessments/pages').then((m) => ({ default: m.Print }))),
  echo: lazy(() => import('./EchoWall')),
  // One chunk for the three (Deliberation/pages.ts).
  deliberation: lazy(() => import('./Deliberation/pages').then((m) => ({ default: m.Topics }))),
  'deliberation/topic': lazy(() => import('./Deliberation/pages').then((m) => ({ default: m.Topic }))),
  'deliberation/rules': lazy(() => import('./Deliberation/pages').then((m) => ({ default: m.Rules }))),
  // One chunk for the six (Partners/pages.ts).
  partners: lazy(() => import('./Partners/pages').then((m) => ({ default: m.Partners }))),
  'partners/needs': lazy(() => import('./Partners/pages').then((m) => ({ default: m.Needs }))),
  'partners/resources': lazy(() => import('./Partners/pages').then((m) => ({ default: m.Resources }))),
  'partners/projects': lazy(() => import('./Partners/pages').then((m) => ({ default: m.Projects }))),
  'partners/visits': lazy(() => import('./Partners/pages').then((m) => ({ default: m.Visits }))),
  'partners/figures': lazy(() => import('./Partners/pages').then((m) => ({ default: m.Figures }))),
};

const CodePoster = lazy(() => import('./Codes/Poster'));

/** 入住审核 with how many wait (none shown while unknown or zero). */
const approvalsLabel = (waiting: number | null) => (
  <Flex align="center" justify="space-between" gap={8}>
    <span>入住审核</span>
    {!!waiting && <Badge count={waiting} size="small" title={`${waiting} 份登记等待审核`} data-testid="approvals-badge" />}
  </Flex>
);

const menuItems = (waiting: number | null): MenuProps['items'] => [
  { key: 'dashboard', icon: <DashboardOutlined />, label: '工作台' },
  { key: 'desk', icon: <ProfileOutlined />, label: '反映处理' },
  { key: 'approvals', icon: <SolutionOutlined />, label: approvalsLabel(waiting) },
  { key: 'agenda', icon: <CalendarOutlined />, label: '逢三说事' },
  {
    key: 'deliberation-menu',
    icon: <CommentOutlined />,
    label: '议事协商',
    children: [
      { key: 'deliberation', label: '议题' },
      { key: 'deliberation/rules', label: '公约' },
    ],
  },
  { key: 'units', icon: <ApartmentOutlined />, label: '单位与人员' },
  { key: 'codes', icon: <QrcodeOutlined />, label: '码' },
  {
    key: 'members',
    icon: <TeamOutlined />,
    label: '党员',
    children: [
      { key: 'members/checkins', label: '报到审核' },
      { key: 'members/roster', label: '花名册' },
      { key: 'members/counts', label: '统计' },
      { key: 'members/points', label: '报到点' },
      { key: 'grids', label: '网格' },
      { key: 'pairings', label: '联户' },
    ],
  },
  { key: 'settings', icon: <FieldTimeOutlined />, label: '时限设置' },
  { key: 'holidays', icon: <ScheduleOutlined />, label: '节假日' },
  { key: 'ledger', icon: <FileExcelOutlined />, label: '台账导出' },
  { key: 'echo', icon: <SoundOutlined />, label: '回音壁' },
  { key: 'audit', icon: <AuditOutlined />, label: '操作日志' },
  { key: 'open311', icon: <ApiOutlined />, label: 'Open311 接口' },
  {
    key: 'lectures-menu',
    icon: <BookOutlined />,
    label: '讲堂',
    children: [
      { key: 'lectures', label: '讲座' },
      { key: 'lectures/speakers', label: '讲师库' },
      { key: 'lectures/figures', label: '统计' },
    ],
  },
  {
    key: 'points-menu',
    icon: <GiftOutlined />,
    label: '积分与心愿',
    children: [
      { key: 'points', label: '积分台账' },
      { key: 'points/rules', label: '积分规则' },
      { key: 'points/services', label: '服务记录' },
      { key: 'shop', label: '积分超市' },
      { key: 'wishes', label: '心愿审核' },
      { key: 'wishes/all', label: '全部心愿' },
    ],
  },
  {
    key: 'assessments-menu',
    icon: <FlagOutlined />,
    label: '物业测评',
    children: [
      { key: 'assessments', label: '月度测评' },
      { key: 'assessments/companies', label: '物业公司' },
      { key: 'assessments/policy', label: '测评设置' },
    ],
  },
  {
    key: 'partners-menu',
    icon: <BankOutlined />,
    label: '共建单位',
    children: [
      { key: 'partners', label: '单位名录' },
      { key: 'partners/needs', label: '需求清单' },
      { key: 'partners/resources', label: '资源清单' },
      { key: 'partners/projects', label: '项目' },
      { key: 'partners/visits', label: '走访记录' },
      { key: 'partners/figures', label: '统计' },
    ],
  },
];

/** The submenus open on arrival: 党员 always (its pages are found without a click), 讲堂, 积分与心愿, 物业测评, 议事协商 and 共建单位 when a link lands in them. */
const openOn = (route: RouteName): string[] => [
  'members',
  ...(route.startsWith('lectures') ? ['lectures-menu'] : []),
  ...(/^(points|shop|wishes)/.test(route) ? ['points-menu'] : []),
  ...(route.startsWith('assessments') ? ['assessments-menu'] : []),
  ...(route.startsWith('deliberation') ? ['deliberation-menu'] : []),
  ...(route.startsWith('partners') ? ['partners-menu'] : []),
];

export default function Shell({ route }: { route: RouteName }) {
  const { me, signOut } = useSession();
  const roles = describeRoles(
    { ...me, bindings: me.bindings.filter((b) => STAFF_ROLES.includes(b.role)) },
    STAFF_ROLES,
  );
  const waiting = usePendingCount(approvalRoots(scopedBindings(me)).length > 0);
  // A page opened from low in the tall menu starts at its top, not where the menu was scrolled to. A block
  // body: newer Chromium's scrollTo returns a promise, which React would take for the effect's cleanup.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route]);
  const Page = route === 'codePoster' ? CodePoster : (PAGES as readonly string[]).includes(route) ? PAGE_COMPONENTS[route as PageName] : null;

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          近邻 · 社区管理
        </Typography.Title>
        <Flex align="center" gap={16} style={{ marginLeft: 'auto', color: 'rgba(255,255,255,0.85)', minWidth: 0 }}>
          <UserOutlined />
          <MeMenu name={me.person.name} />
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
      <Layout style={{ flex: 1 }}>
        <Layout.Sider width={176} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[route === 'codePoster' ? 'codes' : route === 'lectures/roster' || route === 'lectures/venue' ? 'lectures' : route === 'assessments/print' ? 'assessments' : route === 'deliberation/topic' ? 'deliberation' : route]}
            items={menuItems(waiting)}
            defaultOpenKeys={openOn(route)}
            onClick={({ key }) => (PAGES as readonly string[]).includes(key) && navigate(key as PageName)}
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
            {Page ? (
              <Page />
            ) : (
              <Result
                status="404"
                title="没有这个页面"
                extra={
                  <Button type="primary" onClick={() => navigate('dashboard')}>
                    回到工作台
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
