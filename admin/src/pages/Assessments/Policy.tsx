/**
 * 测评设置: how a community weighs a month — the weights of the three report rates and the residents'
 * survey (what counts is each one's share), the score from which a compound gets a red flag (below it,
 * yellow), and the least data a flag may stand on. Versioned: saving over a colleague's change is
 * refused, and the page says so rather than overwrite it. A change counts from the next computing;
 * published months stay as they were published.
 */
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { MIN_ANSWERS_MAX, MIN_REPORTS_MAX, SCORE_PARTS, SCORE_PART_LABEL, WEIGHT_MAX, type AssessmentPolicy } from '../../../../src/core/assessment';
import { CommunityPicker, NotAssessmentStaff, useAssessmentCommunity } from './community';
import { policyWords, weightShares } from './PolicyLine';

const CONFLICT_CODES = ['ASSESSMENT.POLICY_CHANGED', 'CONFLICT.VERSION'];
export const POLICY_CHANGED_SAYS = '测评设置已被他人修改，您这次的修改没有保存';
export const NO_WEIGHT_SAYS = '各项权重至少有一项大于 0，否则算不出得分';

/** What each part weighs in words staff use. */
const PART_HINT: Record<(typeof SCORE_PARTS)[number], string> = {
  responseRate: '物业按时响应的反映占要响应的比例',
  onTimeRate: '物业按时办结的反映占办结的比例',
  satisfactionRate: '居民评价满意和基本满意的比例',
  survey: '住户每月一次的测评问卷（满意 1 分、基本满意 0.5 分、不满意 0 分）',
};

export default function AssessmentPolicyPage() {
  const choice = useAssessmentCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="测评设置" />
        {choice.ready && <NotAssessmentStaff />}
      </Flex>
    );
  }
  return <PolicyForm communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

const whole = (label: string, max: number) => [
  { required: true, message: `请填写${label}` },
  { type: 'integer' as const, min: 0, max, message: `${label}应为 0 到 ${max} 之间的整数` },
];

function PolicyForm({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [form] = Form.useForm<AssessmentPolicy>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const [noWeight, setNoWeight] = useState(false);
  const { data: view, setData, loading, error, reload } = useLoaded(() => api.assessments.policy({ communityId }), [communityId]);
  const typed = Form.useWatch([], form) as AssessmentPolicy | undefined;

  useEffect(() => {
    if (view) form.setFieldsValue(view.policy);
  }, [view, form]);

  async function save(policy: AssessmentPolicy) {
    if (!view) return;
    if (!SCORE_PARTS.some((k) => policy.weights[k] > 0)) return setNoWeight(true);
    setSaving(true);
    try {
      const saved = await api.assessments.savePolicy({ communityId, version: view.version, policy });
      setData(saved);
      message.success(`已保存${saved.community.name}的测评设置，下次计算时按新设置算；已发布的月份不变`);
    } catch (e) {
      if (e instanceof ApiError && CONFLICT_CODES.includes(e.code)) setStale(true);
      else if (e instanceof ApiError && e.code === 'ASSESSMENT.BAD_POLICY') setNoWeight(true);
      else fail(e, form);
    } finally {
      setSaving(false);
    }
  }

  function refresh() {
    setStale(false);
    reload();
  }

  const complete = typed?.weights && SCORE_PARTS.every((k) => typeof typed.weights[k] === 'number') && typeof typed.redAt === 'number' && typeof typed.minReports === 'number' && typeof typed.minAnswers === 'number';
  const shares = typed?.weights ? weightShares(typed as AssessmentPolicy) : null;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <PageHeader title="测评设置" hint={view ? `${view.community.name} · ${view.version === 0 ? '使用默认设置' : `第 ${view.version} 版`}` : undefined} wrap>
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
          data-testid="policy-stale"
          title={POLICY_CHANGED_SAYS}
          description="您打开页面之后，有人保存了新的测评设置。点“刷新”看到现在的设置，再在上面修改保存。"
          action={
            <Button size="small" type="primary" onClick={refresh}>
              刷新
            </Button>
          }
        />
      )}
      <Form form={form} name="assessmentPolicy" layout="vertical" onFinish={save} onValuesChange={() => setNoWeight(false)} disabled={!view || loading} requiredMark={false}>
        <Card title="权重" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            综合得分满分 100 分，由下面四项按权重合成。填整数，看的是各项占总和的比例；某项当月没有数据（比如没有评价过的反映）时不计，其余各项按比例补上。
          </Typography.Paragraph>
          {SCORE_PARTS.map((k) => (
            <Form.Item key={k} label={SCORE_PART_LABEL[k]} extra={PART_HINT[k]} style={{ marginBottom: 12 }}>
              <Flex align="center" gap={12}>
                <Form.Item name={['weights', k]} noStyle rules={whole(`${SCORE_PART_LABEL[k]}的权重`, WEIGHT_MAX)}>
                  <InputNumber<number> min={0} max={WEIGHT_MAX} precision={0} style={{ width: 120 }} aria-label={`${SCORE_PART_LABEL[k]}权重`} />
                </Form.Item>
                <Typography.Text type="secondary" data-testid={`share-${k}`}>
                  {shares ? `占 ${shares[k]}%` : ''}
                </Typography.Text>
              </Flex>
            </Form.Item>
          ))}
          {noWeight && <Alert type="error" showIcon title={NO_WEIGHT_SAYS} data-testid="no-weight" />}
        </Card>
        <Card title="红旗和黄旗" style={{ marginBottom: 16 }}>
          <Form.Item name="redAt" label="红旗分数线" extra="综合得分达到这个分数评红旗，低于它评黄旗" rules={whole('红旗分数线', 100)}>
            <InputNumber<number> min={0} max={100} precision={0} suffix="分" style={{ width: 160 }} aria-label="红旗分数线" />
          </Form.Item>
          <Form.Item name="minReports" label="最少反映数" extra="当月物业办理的反映少于这个数，只算分，不评旗（数字太少，不能说明问题）" rules={whole('最少反映数', MIN_REPORTS_MAX)}>
            <InputNumber<number> min={0} max={MIN_REPORTS_MAX} precision={0} suffix="件" style={{ width: 160 }} aria-label="最少反映数" />
          </Form.Item>
          <Form.Item name="minAnswers" label="最少测评户数" extra="当月参加测评的住户少于这个数，只算分，不评旗" rules={whole('最少测评户数', MIN_ANSWERS_MAX)}>
            <InputNumber<number> min={0} max={MIN_ANSWERS_MAX} precision={0} suffix="户" style={{ width: 160 }} aria-label="最少测评户数" />
          </Form.Item>
        </Card>
        {complete && (
          <Typography.Paragraph type="secondary" data-testid="policy-preview">
            按上面的设置：{policyWords(typed as AssessmentPolicy)}。
          </Typography.Paragraph>
        )}
        <Flex justify="flex-end" gap={12} align="center">
          <Typography.Text type="secondary">修改从下次计算起生效，已发布的月份不变</Typography.Text>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} disabled={stale}>
            保存设置
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
