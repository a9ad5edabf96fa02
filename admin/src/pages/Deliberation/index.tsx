/**
 * 议题: the topics under a unit (?unit=, the person's own top unit first) by status (?status=, 进行中
 * first), each with its phase, turnout and opinions; a row opens the topic's page. 发起议题 opens the
 * form for those who may open one (mayOpenTopic somewhere in their tree).
 */
import { Alert, Button, Flex, Segmented, Table, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { TOPIC_STATUSES, TOPIC_STATUS_LABEL } from '../../../../src/core/deliberation';
import type { TopicStatus } from '../../../../src/core/deliberation';
import { opensTopics } from '../../../../src/core/deliberation-access';
import { api } from '../../api';
import type { TopicCard } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { date } from '../../format';
import { useLoaded } from '../../loaded';
import { navigate, replaceSearch, useSearch } from '../../router';
import { scopedBindings, useSession } from '../../session';
import { useUnits } from '../../units';
import { PhaseTag, turnoutText } from './labels';
import { TopicDrawer } from './TopicDrawer';

const PAGE = 50;
const ALL = 'all';

/** "意见征求至 12/08 · 投票 12/09–12/15" */
function when(t: TopicCard): string {
  const opinions = `意见至 ${date(t.opinionsUntil).slice(5)}`;
  return t.voteOpensAt !== null && t.voteClosesAt !== null ? `${opinions} · 投票 ${date(t.voteOpensAt).slice(5)}–${date(t.voteClosesAt).slice(5)}` : opinions;
}

export const openTopic = (id: string) => navigate('deliberation/topic', { search: new URLSearchParams({ id }).toString() });

export default function TopicsPage() {
  const { me } = useSession();
  const search = useSearch();
  const q = new URLSearchParams(search);
  const asked = q.get('status');
  const status: TopicStatus | typeof ALL = asked === ALL || (TOPIC_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as TopicStatus | typeof ALL) : 'open';
  const unitId = q.get('unit') ?? undefined;
  const { treeData } = useUnits();
  const [page, setPage] = useState(1);
  const fromReportId = q.get('fromReport');
  const [opening, setOpening] = useState(false);
  // 转为议题 from the desk: the report's words start the new topic, which links back to it.
  const fromReport = useLoaded(() => (fromReportId ? api.reports.detail({ id: fromReportId }) : Promise.resolve(null)), [fromReportId]);
  const { data, loading, error, reload } = useLoaded(
    () => api.deliberation.list({ ...(unitId ? { unitId } : {}), ...(status === ALL ? {} : { status }), limit: PAGE, offset: (page - 1) * PAGE }),
    [unitId, status, page],
  );

  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    replaceSearch(next.toString());
  };

  const columns: TableColumnsType<TopicCard> = [
    {
      title: '议题',
      key: 'title',
      render: (_, t) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => openTopic(t.id)}>
            {t.title}
          </Typography.Link>
          <Typography.Text type="secondary">{t.trail}</Typography.Text>
        </Flex>
      ),
    },
    { title: '阶段', key: 'phase', width: 110, render: (_, t) => <PhaseTag phase={t.phase} label={t.phaseLabel} /> },
    { title: '参与', key: 'turnout', width: 230, render: (_, t) => <span data-testid="turnout">{turnoutText(t.turnout, t.hasVote)}</span> },
    { title: '意见', key: 'opinions', width: 80, render: (_, t) => <span data-testid="opinions">{t.opinions} 条</span> },
    { title: '时间', key: 'when', width: 250, render: (_, t) => when(t) },
    { title: '发起', key: 'createdAt', width: 110, render: (_, t) => date(t.createdAt) },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="议题" hint="楼栋、小区、社区的议事协商：征求意见、一户一票、公布决定和会议纪要">
        <TreeSelect aria-label="单位" style={{ width: 220 }} treeData={treeData} value={unitId} onChange={(v: string) => set('unit', v)} treeDefaultExpandAll allowClear placeholder="我负责的全部单位" />
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          刷新
        </Button>
        {opensTopics(scopedBindings(me)) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            发起议题
          </Button>
        )}
      </PageHeader>
      <Segmented
        aria-label="状态"
        value={status}
        onChange={(v) => set('status', v === 'open' ? undefined : String(v))}
        options={[...TOPIC_STATUSES.map((s) => ({ value: s, label: TOPIC_STATUS_LABEL[s] })), { value: ALL, label: '全部' }]}
        style={{ alignSelf: 'flex-start' }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.topics ?? []}
        loading={loading}
        locale={{ emptyText: status === 'open' ? '没有进行中的议题' : '没有议题' }}
        onRow={(t) => ({ style: { cursor: 'pointer' }, onClick: (e) => !(e.target as HTMLElement).closest('a') && openTopic(t.id) })}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 个议题`, hideOnSinglePage: true }}
      />
      {(opening || (fromReportId && fromReport.data)) && (
        <TopicDrawer
          topic={null}
          unitId={unitId}
          fromReport={fromReportId && fromReport.data ? { id: fromReport.data.id, description: fromReport.data.description, place: fromReport.data.place } : null}
          onClose={() => {
            setOpening(false);
            if (fromReportId) set('fromReport');
          }}
          onSaved={(t) => {
            setOpening(false);
            openTopic(t.id);
          }}
        />
      )}
    </Flex>
  );
}
