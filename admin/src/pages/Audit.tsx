import { Button, Card, DatePicker, Descriptions, Flex, Input, Select, Table, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { AuditView } from '../api';
import { useFailure } from '../feedback';
import { dateTime } from '../format';
import { navigate } from '../router';
import { useUnits } from '../units';
import { CODE_PURPOSE_LABEL, MEMBER_TYPE_LABEL } from '../core';
import { PageHeader } from '../components/PageHeader';

const PAGE = 50;
/** The actions the server records, as the log names them (the server labels each entry the same way). */
const ACTIONS: { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: '反映',
    options: [
      ['reports.create', '提交反映'],
      ['reports.respond', '受理'],
      ['reports.escalate', '上报'],
      ['reports.transfer', '转办'],
      ['reports.requestInfo', '请居民补充信息'],
      ['reports.decideExtension', '审批延期'],
      ['reports.resolve', '办结'],
      ['reports.rejectNotActionable', '不予受理'],
      ['reports.rejectDuplicate', '重复反映'],
      ['reports.comment', '备注'],
      ['reports.rate', '居民评价'],
      ['reports.dispute', '居民异议'],
      ['reports.closeFollowUp', '完成回访'],
      ['desk.reassign', '改派'],
    ].map(([value, label]) => ({ value, label })),
  },
  {
    label: '单位与人员',
    options: [
      ['units.create', '新增单位'],
      ['units.rename', '修改单位名称'],
      ['units.move', '调整上级单位'],
      ['units.archive', '归档单位'],
      ['units.bind', '绑定角色'],
      ['units.unbind', '解除角色'],
      ['people.create', '新增人员'],
      ['people.unbindWechat', '解绑微信'],
      ['desk.import', '导入表格'],
    ].map(([value, label]) => ({ value, label })),
  },
  {
    label: '码与入住登记',
    options: [
      ['codes.create', '生成码'],
      ['codes.revoke', '作废码'],
      ['registration.submit', '提交登记'],
      ['registration.approve', '通过登记'],
      ['registration.reject', '不通过登记'],
    ].map(([value, label]) => ({ value, label })),
  },
  {
    label: '党员报到',
    options: [
      ['checkin.submit', '提交报到'],
      ['checkin.approve', '通过报到'],
      ['checkin.return', '退回报到'],
      ['checkin.transferOut', '党员转出'],
      ['checkin.withdraw', '撤回报到'],
    ].map(([value, label]) => ({ value, label })),
  },
  {
    label: '设置与登录',
    options: [
      ['desk.saveSettings', '修改时限设置'],
      ['desk.resetSettings', '恢复默认时限'],
      ['holidays.save', '修改节假日安排'],
      ['auth.signIn', '登录'],
      ['auth.signOut', '退出登录'],
    ].map(([value, label]) => ({ value, label })),
  },
];

/** Each action's name in words; the server labels entries too, and this covers actions it does not name yet. */
const ACTION_LABEL: Record<string, string> = Object.fromEntries(ACTIONS.flatMap((g) => g.options.map((o) => [o.value, o.label])));

/** Detail fields worth showing, in words; ids and bookkeeping are left out. */
const DETAIL_LABEL: Record<string, string> = {
  note: '说明',
  reason: '理由',
  name: '名称',
  from: '原值',
  to: '新值',
  role: '角色',
  roleLabel: '角色',
  kind: '类型',
  fileName: '文件',
  rows: '行数',
  created: '新增',
  version: '版本',
  categories: '类别数',
  department: '转办部门',
  approve: '是否同意',
  rating: '评价',
  days: '天数',
  year: '年份',
  source: '录入方式',
  replaced: '原来',
  addedOffDays: '新增放假',
  removedOffDays: '取消放假',
  addedWorkdays: '新增调休上班',
  removedWorkdays: '取消调休上班',
  purpose: '用途',
  label: '说明',
  validFrom: '生效时间',
  validUntil: '失效时间',
  useLimit: '使用次数上限',
  phoneVerified: '手机号经微信验证',
  autoApproved: '自动通过',
  as: '通过后是谁',
  memberType: '党员类型',
  date: '日期',
};

/** Detail fields that hold a time (ms since 1970), shown in China time. */
const TIME_FIELDS = new Set(['validFrom', 'validUntil']);

/** Stored words shown in Chinese (the holidays' source and what a save replaced). */
const VALUE_LABEL: Record<string, Record<string, string>> = {
  source: { notice: '国务院通知', spreadsheet: '表格导入', ics: '日历文件导入' },
  replaced: { entered: '已录入的安排', library: '内置日历', missing: '未录入' },
  purpose: CODE_PURPOSE_LABEL,
  autoApproved: { verified_phone: '微信验证的手机号与导入的居民一致', personal_code: '本人用了个人码' },
  as: { claim: '导入的居民', existing: '已是居民，多登记一户', new: '新登记的居民' },
  memberType: MEMBER_TYPE_LABEL,
};

/** Words that differ by action: approving a check-in makes a member, not a resident. */
const ACTION_VALUE_LABEL: Record<string, Record<string, Record<string, string>>> = {
  'checkin.approve': { as: { claim: '手机号相同的已登记人员', existing: '本人（已在系统里）', new: '新建的人员' } },
};

function detailValue(k: string, v: unknown, action: string): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (TIME_FIELDS.has(k) && typeof v === 'number') return dateTime(v);
  if (Array.isArray(v)) return v.length ? v.join('、') : '无';
  if (typeof v === 'object') return JSON.stringify(v);
  return ACTION_VALUE_LABEL[action]?.[k]?.[String(v)] ?? VALUE_LABEL[k]?.[String(v)] ?? String(v);
}

function detailItems(detail: Record<string, unknown>, action: string) {
  return Object.entries(detail)
    .filter(([k, v]) => !/Id$|Ids$|^id$/.test(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ({
      key: k,
      label: DETAIL_LABEL[k] ?? k,
      children: detailValue(k, v, action),
    }));
}

const KIND_LABEL: Record<string, string> = {
  report: '反映',
  unit: '单位',
  person: '人员',
  binding: '角色',
  settings: '时限设置',
  import: '导入',
  ledger: '台账',
  holidays: '节假日',
  code: '码',
  registration: '入住登记',
  checkin: '党员报到',
  session: '登录',
  lecture: '讲座',
  speaker: '主讲人',
  api_key: '接口密钥',
  pairing: '联户',
  wish: '微心愿',
  property_company: '物业公司',
  assessment: '物业测评',
  topic: '议题',
  compound_rules: '小区公约',
  partner: '共建单位',
  resource: '共建资源',
  need: '需求',
  project: '共建项目',
  partner_visit: '走访',
};

interface Filters {
  unitId?: string;
  action?: string;
  targetId?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 操作日志: who did what, when, to which report, unit or person. */
export default function AuditPage() {
  const fail = useFailure();
  const [filters, setFilters] = useState<Filters>({});
  const [entries, setEntries] = useState<AuditView[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const { treeData } = useUnits();

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      try {
        const r = await api.management.audit({
          unitId: filters.unitId,
          action: filters.action?.trim() || undefined,
          targetId: filters.targetId?.trim() || undefined,
          from: filters.range?.[0]?.startOf('day').valueOf(),
          to: filters.range?.[1] ? filters.range[1].startOf('day').add(1, 'day').valueOf() : undefined,
          before,
          limit: PAGE,
        });
        setEntries((e) => (before ? [...e, ...r.entries] : r.entries));
        setMore(r.more);
      } catch (e) {
        fail(e);
      } finally {
        setLoading(false);
      }
    },
    [filters, fail],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditView> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (t: number) => dateTime(t) },
    { title: '操作人', dataIndex: 'actorName', width: 110, render: (v: string | null) => v ?? '系统' },
    // An action the server has no words for comes back as its name ("codes.create"): say it here instead.
    { title: '操作', dataIndex: 'actionLabel', width: 180, render: (label: string, e) => (label === e.action ? (ACTION_LABEL[e.action] ?? label) : label) },
    { title: '对象类型', dataIndex: 'targetKind', width: 100, render: (k: string) => KIND_LABEL[k] ?? k },
    {
      title: '对象',
      dataIndex: 'targetName',
      render: (name: string | null, e) =>
        e.targetKind === 'report' ? (
          <Typography.Link onClick={() => navigate('desk', { search: new URLSearchParams({ q: e.targetId, report: e.targetId }).toString() })}>{name ?? e.targetId}</Typography.Link>
        ) : (
          (name ?? e.targetId)
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <PageHeader title="操作日志" hint="记录谁在什么时候对哪件反映、哪个单位或哪位人员做了什么" />
      <Card size="small">
        <Flex gap={8} wrap>
          <TreeSelect
            aria-label="单位"
            allowClear
            style={{ width: 240 }}
            treeData={treeData}
            placeholder="全部单位"
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            value={filters.unitId}
            onChange={(v?: string) => setFilters((f) => ({ ...f, unitId: v }))}
          />
          <Select
            aria-label="操作"
            allowClear
            style={{ width: 200 }}
            placeholder="全部操作"
            options={ACTIONS}
            value={filters.action}
            onChange={(v?: string) => setFilters((f) => ({ ...f, action: v }))}
          />
          <Input.Search aria-label="对象编号" allowClear style={{ width: 240 }} placeholder="反映、单位或人员的编号" onSearch={(v) => setFilters((f) => ({ ...f, targetId: v }))} />
          <DatePicker.RangePicker
            aria-label="日期"
            value={filters.range ?? null}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) => setFilters((f) => ({ ...f, range: v && v[0] && v[1] ? [v[0], v[1]] : null }))}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table
          size="middle"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={entries}
          pagination={false}
          expandable={{
            rowExpandable: (e) => detailItems(e.detail ?? {}, e.action).length > 0,
            expandedRowRender: (e) => <Descriptions size="small" column={2} items={detailItems(e.detail, e.action)} />,
          }}
          locale={{ emptyText: '没有符合条件的记录' }}
        />
        <Flex justify="center" style={{ padding: 12 }}>
          {more ? (
            <Button onClick={() => void load(entries[entries.length - 1]?.at)} loading={loading}>
              加载更早的记录
            </Button>
          ) : (
            entries.length > 0 && <Typography.Text type="secondary">已显示全部 {entries.length} 条</Typography.Text>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
