/**
 * The community's policy in one line above the month's table, so staff read a score knowing what it
 * weighs: "响应率 20% · 按时办结率 20% · 满意率 20% · 居民测评 40%；80 分及以上红旗，以下黄旗；至少 3 件反映、5 户测评才评旗".
 */
import { Typography } from 'antd';
import type { AssessmentPolicy } from '../../../../src/core/assessment';
import { SCORE_PARTS, SCORE_PART_LABEL } from '../../../../src/core/assessment';
import { navigate } from '../../router';

/** Each part's share of the weights, in whole percent (what counts is the share, not the number typed). */
export function weightShares(p: Pick<AssessmentPolicy, 'weights'>): Record<(typeof SCORE_PARTS)[number], number> {
  const sum = SCORE_PARTS.reduce((n, k) => n + (p.weights[k] ?? 0), 0);
  return Object.fromEntries(SCORE_PARTS.map((k) => [k, sum ? Math.round(((p.weights[k] ?? 0) / sum) * 100) : 0])) as Record<(typeof SCORE_PARTS)[number], number>;
}

export function policyWords(p: AssessmentPolicy): string {
  const shares = weightShares(p);
  const weights = SCORE_PARTS.filter((k) => p.weights[k] > 0)
    .map((k) => `${SCORE_PART_LABEL[k]} ${shares[k]}%`)
    .join(' · ');
  return `${weights}；${p.redAt} 分及以上评红旗，低于 ${p.redAt} 分评黄旗；至少 ${p.minReports} 件物业办理的反映、${p.minAnswers} 户参加测评才评旗`;
}

export function PolicyLine({ policy, version }: { policy: AssessmentPolicy; version: number }) {
  return (
    <Typography.Text type="secondary" data-testid="policy-line">
      测评设置（{version === 0 ? '默认' : `第 ${version} 版`}）：{policyWords(policy)}。
      <Typography.Link onClick={() => navigate('assessments/policy')}>修改设置</Typography.Link>
    </Typography.Text>
  );
}
