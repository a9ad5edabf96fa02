import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Skeleton, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import type { Category, CommunityPolicy, DeskSettings, Level, LevelDeadline } from '../api';
import { LEVELS, LEVEL_LABEL } from '../core';
import { clearDraft, loadDraft, saveDraft } from '../drafts';
import { useFailure } from '../feedback';
import { replaceSearch, useSearch } from '../router';
import { useUnits } from '../units';
import { PageHeader } from '../components/PageHeader';

interface Values {
  policy: CommunityPolicy;
}

const DEADLINE_FIELDS: { key: keyof LevelDeadline; title: string; unit: string; tip: string; step: number }[] = [
  { key: 'respondHours', title: '响应时限', unit: '工作小时', tip: '处理人须在这段工作时间内受理', step: 0.5 },
  { key: 'resolveDays', title: '办结时限', unit: '工作日', tip: '按法定工作日计算，含调休', step: 1 },
  { key: 'urgentRespondHours', title: '紧急类响应', unit: '小时', tip: '紧急类别（电梯、消防等）按自然小时计算', step: 0.5 },
  { key: 'urgentResolveHours', title: '紧急类办结', unit: '小时', tip: '紧急类别按自然小时计算', step: 1 },
];
const COMPOUND_HANDLER = [
  { value: 'property_manager', label: '物业' },
  { value: 'compound_secretary', label: '小区党支部书记' },
];

/** "policy.categories.2.name" → ['policy', 'categories', 2, 'name'] (Form.List indexes are numbers). */
function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** 时限设置: the community's categories and its level × category deadline table. */
export default function SettingsPage() {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const { units } = useUnits();
  const communities = useMemo(() => (units ?? []).filter((u) => u.kind === 'community' && !u.archived), [units]);
  const communityId = new URLSearchParams(search).get('community') ?? communities[0]?.id;
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);
  const draftKey = settings ? `settings.${settings.community.id}.${settings.version}` : '';

  const load = useCallback(async () => {
    if (!communityId) return;
    try {
      const s = await api.management.settings({ communityId });
      setSettings(s);
      const draft = loadDraft<Values>(`settings.${s.community.id}.${s.version}`);
      form.resetFields();
      form.setFieldsValue(draft?.policy ? (draft as Values) : { policy: s.policy });
      setRestored(!!draft?.policy);
      setDirty(!!draft?.policy);
      setServerError(null);
    } catch (e) {
      fail(e);
    }
  }, [communityId, form, fail]);

  useEffect(() => {
    setSettings(null);
    void load();
  }, [load]);

  // Closing the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function showError(e: unknown) {
    if (e instanceof ApiError && e.code === 'CONFLICT.VERSION') {
      message.warning('时限设置刚被其他人修改过，已加载最新设置，请重新修改后保存');
      clearDraft(draftKey);
      void load();
      return;
    }
    if (e instanceof ApiError && e.field) {
      const name = fieldPath(e.field);
      setServerError(`${e.message}（请查看标红的位置）`);
      if (form.getFieldInstance(name as never) !== undefined) {
        form.setFields([{ name: name as never, errors: [e.message] }]);
        form.scrollToField(name as never);
      } else {
        setServerError(e.message);
      }
      return;
    }
    fail(e);
  }

  async function save() {
    try {
      await form.validateFields();
    } catch {
      setServerError('有几处填写不正确，请查看标红的位置');
      return;
    }
    if (!settings) return;
    const policy = prune(form.getFieldsValue(true).policy as CommunityPolicy);
    setBusy('save');
    setServerError(null);
    try {
      const s = await api.management.saveSettings({ communityId: settings.community.id, version: settings.version, policy });
      clearDraft(draftKey);
      setSettings(s);
      form.setFieldsValue({ policy: s.policy });
      setDirty(false);
      setRestored(false);
      message.success(`已保存「${s.community.name}」的时限设置，新的反映按新时限计算`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  async function reset() {
    if (!settings) return;
    setBusy('reset');
    try {
      const s = await api.management.resetSettings({ communityId: settings.community.id, version: settings.version });
      clearDraft(draftKey);
      setSettings(s);
      form.resetFields();
      form.setFieldsValue({ policy: s.policy });
      setDirty(false);
      message.success('已恢复为默认时限');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  if (units !== null && communities.length === 0) return <Empty description="您的管辖范围内没有社区" />;

  return (
    <Flex vertical gap={16}>
      <PageHeader title="时限设置" hint="各类反映从哪一级开始办理、每一级的响应和办结时限。修改只影响之后新提交或转到新层级的反映。">
        {communities.length > 1 && (
          <Select
            aria-label="社区"
            style={{ width: 200 }}
            value={communityId}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(v) => replaceSearch(new URLSearchParams({ community: v }).toString())}
          />
        )}
      </PageHeader>
      {!settings ? (
        <Skeleton active paragraph={{ rows: 14 }} />
      ) : (
        <Form
          form={form}
          name="settings"
          onValuesChange={(_, all) => {
            setDirty(true);
            setServerError(null);
            saveDraft(draftKey, { policy: { ...form.getFieldsValue(true).policy, ...all.policy } });
          }}
        >
          <Flex vertical gap={16}>
            <Flex align="center" gap={12}>
              <Typography.Text>
                社区：<b>{settings.community.name}</b>
              </Typography.Text>
              {settings.isDefault ? <Tag>使用默认时限</Tag> : <Tag color="blue">已自定义（第 {settings.version} 版）</Tag>}
              <Flex gap={8} style={{ marginLeft: 'auto' }}>
                {!settings.isDefault && (
                  <Popconfirm title="恢复为默认时限？" description="本社区自定义的类别和时限都会被替换为默认值。" okText="恢复默认" cancelText="取消" onConfirm={reset}>
                    <Button loading={busy === 'reset'}>恢复默认</Button>
                  </Popconfirm>
                )}
                <Button disabled={!dirty} onClick={() => void load().then(() => clearDraft(draftKey))}>
                  放弃修改
                </Button>
                <Button type="primary" loading={busy === 'save'} onClick={() => void save()}>
                  保存设置
                </Button>
              </Flex>
            </Flex>
            {restored && (
              <Alert type="info" showIcon title="已恢复您上次未保存的修改" description="这些修改还没有保存：请检查后点「保存设置」，不要了就点「放弃修改」。" closable />
            )}
            {serverError && <Alert type="error" showIcon title="没有保存" description={serverError} data-testid="settings-error" />}

            <Card title="各级默认时限" size="small">
              <LevelTable />
              <Row gutter={24} style={{ marginTop: 12 }}>
                <Col>
                  <Form.Item
                    name={['policy', 'warnRatio']}
                    label="到期预警"
                    tooltip="用去办结时限的这个比例时提醒处理人"
                    getValueProps={(v: number) => ({ value: v === undefined ? v : Math.round(v * 100) })}
                    normalize={(v: number | null) => (v === null ? v : v / 100)}
                    rules={[{ required: true, message: '请填写预警比例' }]}
                  >
                    <InputNumber min={50} max={95} suffix="%" style={{ width: 120 }} />
                  </Form.Item>
                </Col>
                <Col>
                  <Form.Item name={['policy', 'autoCloseDays']} label="办结后未评价自动关闭" rules={[{ required: true, message: '请填写自动关闭天数' }]}>
                    <InputNumber min={1} max={30} suffix="天" style={{ width: 120 }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title="反映类别" size="small" extra={<Typography.Text type="secondary">居民在小程序中按这些类别提交</Typography.Text>}>
              <CategoryTable />
            </Card>

            <Card
              title="分类别办结时限（层级 × 类别）"
              size="small"
              extra={<Typography.Text type="secondary">留空即使用上面的各级默认时限；紧急类别按小时计</Typography.Text>}
            >
              <OverrideTable />
            </Card>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}

/**
 * Drops empty override cells and overrides of categories that were removed. The schema's record
 * over levels is exhaustive (zod 4), so a category with any override lists every level, {} where
 * the level keeps its default.
 */
function prune(p: CommunityPolicy): Omit<CommunityPolicy, 'overrides'> & { overrides: Record<string, Record<Level, Partial<LevelDeadline>>> } {
  const codes = new Set(p.categories.map((c) => c.code));
  const overrides: Record<string, Record<Level, Partial<LevelDeadline>>> = {};
  for (const [code, byLevel] of Object.entries(p.overrides ?? {})) {
    if (!codes.has(code) || !byLevel) continue;
    const row = Object.fromEntries(
      LEVELS.map((l) => [l, Object.fromEntries(Object.entries(byLevel[l] ?? {}).filter(([, v]) => v !== null && v !== undefined))]),
    ) as Record<Level, Partial<LevelDeadline>>;
    if (LEVELS.some((l) => Object.keys(row[l]).length > 0)) overrides[code] = row;
  }
  return { ...p, overrides };
}

function LevelTable() {
  const columns: TableColumnsType<{ level: Level }> = [
    { title: '层级', width: 90, render: (_, r) => <b>{LEVEL_LABEL[r.level]}</b> },
    ...DEADLINE_FIELDS.map((f) => ({
      title: (
        <span>
          {f.title}{' '}
          <Tooltip title={f.tip}>
            <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </span>
      ),
      render: (_: unknown, r: { level: Level }) => (
        <Form.Item name={['policy', 'levels', r.level, f.key]} style={{ margin: 0 }} rules={[{ required: true, message: `请填写${f.title}` }]}>
          <InputNumber min={f.step === 1 ? 1 : 0.5} step={f.step} suffix={f.unit} style={{ width: 150 }} aria-label={`${LEVEL_LABEL[r.level]}${f.title}`} />
        </Form.Item>
      ),
    })),
  ];
  return <Table size="small" rowKey="level" columns={columns} dataSource={LEVELS.map((level) => ({ level }))} pagination={false} />;
}

/** A rule that no other category has the same value in `key` (checked again by the server). */
function unique(key: 'name' | 'code', index: number, message: string) {
  return ({ getFieldValue }: { getFieldValue(name: (string | number)[]): unknown }) => ({
    validator(_: unknown, value: string) {
      const all = (getFieldValue(['policy', 'categories']) as Category[] | undefined) ?? [];
      const v = value?.trim();
      return v && all.some((c, i) => i !== index && c?.[key]?.trim() === v) ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}

function CategoryTable() {
  return (
    <Form.List name={['policy', 'categories']}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            columns={[
              {
                title: '图标',
                width: 80,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'icon']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写图标' }]}>
                    <Input maxLength={8} style={{ width: 56, textAlign: 'center' }} aria-label="图标" />
                  </Form.Item>
                ),
              },
              {
                title: '名称',
                width: 240,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'name']} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写类别名称' }, unique('name', f.name, '类别名称不能重复')]}>
                    <Input maxLength={12} aria-label="类别名称" />
                  </Form.Item>
                ),
              },
              {
                title: '代码',
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'code']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, message: '请填写代码' }, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母开头，只含小写字母、数字、下划线' }, unique('code', f.name, '类别代码不能重复')]}
                  >
                    <Input maxLength={40} aria-label="类别代码" />
                  </Form.Item>
                ),
              },
              {
                title: '从哪一级开始办',
                width: 140,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'entryLevel']} style={{ margin: 0 }}>
                    <Select options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))} aria-label="起始层级" />
                  </Form.Item>
                ),
              },
              {
                title: '小区一级由谁办',
                width: 190,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'compoundHandler']} style={{ margin: 0 }}>
                    <Select options={COMPOUND_HANDLER} aria-label="小区处理人" />
                  </Form.Item>
                ),
              },
              {
                title: '紧急',
                width: 70,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'urgent']} valuePropName="checked" style={{ margin: 0 }}>
                    <Switch size="small" aria-label="紧急" />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 50,
                render: (_, f) => (
                  <Popconfirm title="删除这个类别？" okText="删除" cancelText="取消" onConfirm={() => remove(f.name)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除类别" />
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => add({ code: '', name: '', icon: '📌', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' } satisfies Category)}
          >
            添加类别
          </Button>
        </>
      )}
    </Form.List>
  );
}

function OverrideTable() {
  const form = Form.useFormInstance<Values>();
  const categories = (Form.useWatch(['policy', 'categories'], form) ?? []) as Category[];
  const levels = Form.useWatch(['policy', 'levels'], form) as CommunityPolicy['levels'] | undefined;
  const rows = categories.filter((c) => c && c.code);
  const columns: TableColumnsType<Category> = [
    {
      title: '类别',
      width: 200,
      render: (_, c) => (
        <span>
          {c.icon} {c.name}
          {c.urgent && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              紧急
            </Tag>
          )}
        </span>
      ),
    },
    ...LEVELS.map((l) => ({
      title: `${LEVEL_LABEL[l]}级`,
      render: (_: unknown, c: Category) => {
        const field = c.urgent ? 'urgentResolveHours' : 'resolveDays';
        const fallback = levels?.[l]?.[field];
        const before = LEVELS.indexOf(l) < LEVELS.indexOf(c.entryLevel);
        return (
          <Form.Item name={['policy', 'overrides', c.code, l, field]} style={{ margin: 0 }}>
            <InputNumber
              min={1}
              max={c.urgent ? 720 : 60}
              placeholder={before ? '不经过' : fallback !== undefined ? `默认 ${fallback}` : ''}
              disabled={before}
              suffix={c.urgent ? '小时' : '工作日'}
              style={{ width: 150 }}
              aria-label={`${c.name}在${LEVEL_LABEL[l]}级的办结时限`}
            />
          </Form.Item>
        );
      },
    })),
  ];
  return <Table size="small" rowKey="code" columns={columns} dataSource={rows} pagination={false} />;
}
