/**
 * 月度测评: a month of the community's compounds — each property company's response, on-time and
 * satisfaction rates on the reports its people handled, the residents' survey, the combined score and
 * the flag it proposes (red for the good, yellow for the poor; none, and why, on too little data).
 * Staff compute the month (drafts, again as often as they like), read the residents' comments, publish
 * each compound's month after a confirmation (then its residents see it, and it is fixed), and print the
 * notice for the board. The month lives in the query string (?month=2026-11).
 */
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Tooltip, Typography } from 'antd';
import { CalculatorOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { AssessmentView, ReviewRow } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { useLoaded } from '../../loaded';
import { replaceSearch, useSearch } from '../../router';
import { monthKey } from '../../../../src/core/time';
import { reviewColumns } from './columns';
import { CommentsDrawer } from './CommentsDrawer';
import { CommunityPicker, NotAssessmentStaff, useAssessmentCommunity } from './community';
import { HistoryDrawer } from './HistoryDrawer';
import { monthLabel, monthOf, monthOptions } from './months';
import { PolicyLine } from './PolicyLine';

/** What the person read is no longer so: reload with a word why. */
const STALE_CODES = ['CONFLICT.VERSION', 'ASSESSMENT.NOT_DRAFT', 'ASSESSMENT.NOT_FOUND'];

export default function AssessmentsPage() {
  const choice = useAssessmentCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="月度测评" />
        {choice.ready && <NotAssessmentStaff />}
      </Flex>
    );
  }
  return <Review communityId={choice.communityId} picker={<CommunityPicker choice={choice} />} />;
}

/** "红旗 1 个 · 黄旗 1 个 · 不评旗 1 个 · 未计算 1 个；已发布 2 个": the month at a glance. */
function tally(rows: ReviewRow[]): string {
  const count = (f: (r: ReviewRow) => boolean) => rows.filter(f).length;
  const parts = [
    ['红旗', count((r) => r.assessment?.flag === 'red')],
    ['黄旗', count((r) => r.assessment?.flag === 'yellow')],
    ['不评旗', count((r) => !!r.assessment && !r.assessment.flag)],
    ['未计算', count((r) => !!r.company && !r.assessment)],
  ] as const;
  const published = count((r) => r.assessment?.status === 'published');
  return `${parts
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${w} ${n} 个`)
    .join(' · ')}；已发布 ${published} 个`;
}

function Review({ communityId, picker }: { communityId: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const now = Date.now();
  const month = monthOf(search, now);
  const months = useMemo(() => monthOptions(now), [monthKey(now)]);
  const [computing, setComputing] = useState(false);
  const [publishing, setPublishing] = useState<string | null>(null);
  const [commentsOf, setCommentsOf] = useState<ReviewRow | null>(null);
  const [historyOf, setHistoryOf] = useState<ReviewRow | null>(null);

  const { data: review, setData, loading, error, reload } = useLoaded(() => api.assessments.review({ communityId, month }), [communityId, month]);
  const { data: policy } = useLoaded(() => api.assessments.policy({ communityId }), [communityId]);
  const rows = review?.rows ?? [];
  const drafts = rows.flatMap((r) => (r.assessment?.status === 'draft' ? [r.assessment] : []));
  const served = rows.filter((r) => r.company).length;

  const chooseMonth = (m: string) => {
    const q = new URLSearchParams(search);
    q.set('month', m);
    replaceSearch(q.toString());
  };

  /** A row's assessment replaced by what the server answered. */
  const replaced = (a: AssessmentView) => setData((r) => r && { ...r, rows: r.rows.map((x) => (x.assessment?.id === a.id ? { ...x, assessment: a } : x)) });

  const refused = (e: unknown) => {
    if (e instanceof ApiError && STALE_CODES.includes(e.code)) {
      message.warning(`${e.message}。已为您刷新，请再核对一次`);
      reload();
      return;
    }
    fail(e);
  };

  async function compute() {
    setComputing(true);
    try {
      const r = await api.assessments.compute({ communityId, month });
      setData(r);
      const fresh = r.rows.filter((x) => x.assessment?.status === 'draft').length;
      const fixed = r.rows.filter((x) => x.assessment?.status === 'published').length;
      message.success(`已计算${r.monthLabel}：${fresh} 个小区待发布${fixed ? `，已发布的 ${fixed} 个没有改动` : ''}`);
    } catch (e) {
      refused(e);
    } finally {
      setComputing(false);
    }
  }

  async function publish(a: AssessmentView) {
    setPublishing(a.id);
    try {
      const p = await api.assessments.publish({ id: a.id, version: a.version });
      replaced(p);
      message.success(`已发布${p.compound.name}${p.monthLabel}的测评：${p.flagLabel ?? '不评旗'}`);
    } catch (e) {
      refused(e);
    } finally {
      setPublishing(null);
    }
  }

  async function publishAll() {
    let done = 0;
    for (const a of drafts) {
      setPublishing(a.id);
      try {
        replaced(await api.assessments.publish({ id: a.id, version: a.version }));
        done += 1;
      } catch (e) {
        setPublishing(null);
        if (done) message.info(`已发布 ${done} 个小区`);
        return refused(e);
      }
    }
    setPublishing(null);
    message.success(`已发布${monthLabel(month)} ${done} 个小区的测评`);
  }

  const columns = reviewColumns({ policy: policy?.policy ?? null, publishing, onPublish: (a) => void publish(a), onComments: setCommentsOf, onHistory: setHistoryOf });
  const current = month === monthKey(now);

  return (
    <Flex vertical gap={16}>
      <PageHeader title="月度测评" hint={review ? review.community.name : undefined} wrap>
        {picker}
        <Select aria-label="月份" value={month} options={months} onChange={chooseMonth} style={{ width: 250 }} />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Tooltip title="按现在的数字和测评设置算一遍；已发布的小区不会改动">
          <Button type="primary" icon={<CalculatorOutlined />} loading={computing} disabled={!review || served === 0} onClick={() => void compute()}>
            计算{monthLabel(month)}
          </Button>
        </Tooltip>
      </PageHeader>
      {policy && <PolicyLine policy={policy.policy} version={policy.version} />}
      {current && <Alert type="info" showIcon title="本月还没过完：现在算出的是到今天为止的数字。一般在下个月初计算上个月，核对后发布。" />}
      {error && <Alert type="error" showIcon title={error} />}
      {review && served === 0 && (
        <Alert type="warning" showIcon title="还没有登记物业公司：先在“物业公司”里登记公司和它服务的小区，才能测评。" data-testid="no-companies" />
      )}
      <Card
        title={
          <Flex align="baseline" gap={8} wrap>
            <span>{monthLabel(month)}</span>
            {review && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="tally">
                {tally(rows)}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          drafts.length > 1 && (
            <Popconfirm
              title={`发布${monthLabel(month)}全部 ${drafts.length} 个待发布的小区？`}
              description="发布后各小区的居民在小程序里就能看到，这个月不能再重新计算。"
              okText="全部发布"
              cancelText="取消"
              onConfirm={() => void publishAll()}
            >
              <Button icon={<SendOutlined />} loading={!!publishing}>
                全部发布（{drafts.length}）
              </Button>
            </Popconfirm>
          )
        }
      >
        <Table<ReviewRow>
          rowKey={(r) => r.compound.id}
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1090 }}
          locale={{ emptyText: error ? '没有读到这个月的测评' : '本社区还没有小区' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          数字来自本小区当月的居民反映中由物业人员（在“单位与人员”里绑定为本小区“物业”的人）办理的部分，和住户每月一次的测评问卷。“拟评”是计算出的建议，发布后才算数。
        </Typography.Paragraph>
      </Card>
      {commentsOf && <CommentsDrawer compound={commentsOf.compound} month={month} onClose={() => setCommentsOf(null)} />}
      {historyOf && <HistoryDrawer compound={historyOf.compound} onClose={() => setHistoryOf(null)} />}
    </Flex>
  );
}
