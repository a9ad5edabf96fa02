/**
 * 积分规则: how many points each kind of activity grants in the community, whether it counts at all,
 * and the most one activity grants. Versioned: saving over someone else's change is refused, and the
 * page says so (规则已被他人修改，请刷新) rather than overwrite it. A change applies from then on; what
 * was granted stays.
 */
import { Alert, App, Button, Card, Flex, Form, InputNumber, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { PointsRulesView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { EARNING_KINDS, RULE_POINTS_MAX, type EarningKind, type PointsRules } from '../../../../src/core/points';
import { CommunityPicker, NotPointsStaff, usePointsCommunity } from './community';

/** What one point is per, by kind: service is paid by the hour. */
const PER: Record<EarningKind, string> = { lecture: '每次', service: '每小时', wish: '每个心愿', visit: '每次走访' };
const CONFLICT_CODES = ['POINTS.RULES_CHANGED', 'CONFLICT.VERSION'];
export const RULES_CHANGED_SAYS = '规则已被他人修改，请刷新';

export default function PointsRulesPage() {
  const choice = usePointsCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="积分规则" />
        {choice.ready && <NotPointsStaff />}
      </Flex>
    );
  }
  return <Rules communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

function Rules({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [form] = Form.useForm<PointsRules>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const { data: view, setData, loading, error, reload } = useLoaded(() => api.points.rules({ communityId }), [communityId]);

  useEffect(() => {
    if (view) form.setFieldsValue(view.rules);
  }, [view, form]);

  async function save(rules: PointsRules) {
    if (!view) return;
    setSaving(true);
    try {
      const saved = await api.points.saveRules({ communityId, version: view.version, rules });
      setData(saved);
      message.success(`已保存${saved.community.name}的积分规则，之后获得的积分按新规则计算`);
    } catch (e) {
      if (e instanceof ApiError && CONFLICT_CODES.includes(e.code)) setStale(true);
      else fail(e, form);
    } finally {
      setSaving(false);
    }
  }

  function refresh() {
    setStale(false);
    reload();
  }

  const columns: TableColumnsType<EarningKind> = [
    { title: '积分来源', key: 'kind', width: 160, render: (_, k) => <Typography.Text strong>{view?.labels[k] ?? k}</Typography.Text> },
    {
      title: '计分',
      key: 'counts',
      width: 100,
      render: (_, k) => (
        <Form.Item name={[k, 'counts']} valuePropName="checked" noStyle>
          <Switch checkedChildren="计分" unCheckedChildren="不计" aria-label={`${view?.labels[k] ?? k}计分`} />
        </Form.Item>
      ),
    },
    {
      title: '分值',
      key: 'points',
      width: 220,
      render: (_, k) => (
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{PER[k]}</Typography.Text>
          <Form.Item name={[k, 'points']} noStyle rules={[{ required: true, message: '请填写分值' }]}>
            <InputNumber<number> min={0} max={RULE_POINTS_MAX} precision={0} suffix="分" style={{ width: 110 }} aria-label={`${view?.labels[k] ?? k}分值`} />
          </Form.Item>
        </Flex>
      ),
    },
    {
      title: '上限',
      key: 'max',
      render: (_, k) => (
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">一次最多</Typography.Text>
          <Form.Item name={[k, 'max']} noStyle rules={[{ required: true, message: '请填写上限' }]}>
            <InputNumber<number> min={0} max={RULE_POINTS_MAX * 24} precision={0} suffix="分" style={{ width: 110 }} aria-label={`${view?.labels[k] ?? k}上限`} />
          </Form.Item>
          <Typography.Text type="secondary">（0 为不设上限）</Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <PageHeader title="积分规则" hint={view ? `${view.community.name} · ${view.version === 0 ? '使用默认规则' : `第 ${view.version} 版`}` : undefined} wrap>
        {picker}
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="rules-stale"
          title={RULES_CHANGED_SAYS}
          description="您打开页面之后，有人保存了新的积分规则。刷新后看到最新的规则，再修改保存。"
          action={
            <Button size="small" type="primary" onClick={refresh}>
              刷新
            </Button>
          }
        />
      )}
      <Card>
        <Typography.Paragraph type="secondary">
          党员和志愿者参加讲座、服务经社区确认、实现微心愿、联户走访时按下面的规则得分；关掉“计分”的来源不再得分。服务按时长计分，不满一分的部分不计。修改只对之后获得的积分生效。
        </Typography.Paragraph>
        <Form form={form} name="pointsRules" onFinish={save} disabled={!view}>
          <Table<EarningKind> rowKey={(k) => k} size="middle" loading={loading} columns={columns} dataSource={[...EARNING_KINDS]} pagination={false} />
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} disabled={stale}>
              保存规则
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
