import { Alert, App, Button, Card, Col, Empty, Flex, Form, InputNumber, Popconfirm, Row, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { CommunityPolicy, DeskSettings, Level, LevelDeadline } from '../../api';
import { LEVELS } from '../../core';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { useFailure } from '../../feedback';
import { replaceSearch, useSearch } from '../../router';
import { useUnits } from '../../units';
import { PageHeader } from '../../components/PageHeader';
import { CategoryTable, GridLevelSwitch, LevelTable, OverrideTable, type Values } from './PolicyTables';


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
      // The server keeps the version when the policy is the one it has: nothing was saved.
      if (s.version === settings.version) message.info('没有改动：时限设置和原来一样，没有保存新的版本');
      else message.success(`已保存「${s.community.name}」的时限设置，新的反映按新时限计算`);
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
                <Button
                  disabled={!dirty}
                  onClick={() => {
                    // The draft goes first: load() restores a draft it finds, which would bring the discarded changes back.
                    clearDraft(draftKey);
                    void load();
                  }}
                >
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
              <GridLevelSwitch />
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
                    <InputNumber suffix="%" style={{ width: 120 }} aria-label="到期预警比例" />
                  </Form.Item>
                </Col>
                <Col>
                  <Form.Item name={['policy', 'autoCloseDays']} label="办结后未评价自动关闭" rules={[{ required: true, message: '请填写自动关闭天数' }]}>
                    <InputNumber suffix="天" style={{ width: 120 }} aria-label="自动关闭天数" />
                  </Form.Item>
                </Col>
                <Col>
                  <Form.Item
                    name={['policy', 'retentionYears']}
                    label="关闭后保留居民联系人信息"
                    tooltip="反映关闭满这些年后，系统自动删除其中登记的联系人姓名和电话；反映本身保留，用于统计和台账"
                    rules={[{ required: true, message: '请填写保留年数' }]}
                  >
                    <InputNumber suffix="年" min={1} max={10} precision={0} style={{ width: 120 }} aria-label="联系人信息保留年数" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title="语音反映" size="small">
              <Form.Item
                name={['policy', 'speechToText']}
                valuePropName="checked"
                label="语音自动转文字"
                tooltip="用微信同声传译插件把居民的语音转成文字。需要先在微信公众平台为小程序添加并获准使用该插件；本版本还没有接入，打开后暂不生效。关闭时（默认），处理人和工作人员听语音后用「写下语音内容」补上文字。"
                style={{ marginBottom: 0 }}
              >
                <Switch aria-label="语音自动转文字" checkedChildren="开" unCheckedChildren="关" />
              </Form.Item>
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
