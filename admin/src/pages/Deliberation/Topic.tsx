/**
 * One topic (?id=): what it says (background, photos, days, who takes part, the parties), the results
 * with counts and turnout, the opinions with 隐藏/恢复, and — for those who may — 修改 (before anyone
 * voted or spoke), 记录决定 (the decision and minutes, optionally a new 公约 version) and 撤回.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Image, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { TopicView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';
import { date, dateTime } from '../../format';
import { useLoaded } from '../../loaded';
import { navigate, useSearch } from '../../router';
import { DecideDrawer } from './DecideDrawer';
import { Decision } from './Decision';
import { PhaseTag } from './labels';
import { Opinions } from './Opinions';
import { Results } from './Results';
import { TopicDrawer } from './TopicDrawer';

type Open = 'edit' | 'decide' | 'withdraw' | null;

export default function TopicPage() {
  const id = new URLSearchParams(useSearch()).get('id');
  const { message } = App.useApp();
  const fail = useFailure();
  const [open, setOpen] = useState<Open>(null);
  const { data: topic, setData, loading, error, reload } = useLoaded(id ? () => api.deliberation.detail({ id }) : null, [id]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('deliberation')}>
      议题列表
    </Button>
  );
  if (!id) return <Alert type="warning" showIcon title="没有指定议题：请从议题列表打开" action={back} />;
  if (error) return <Alert type="error" showIcon title={error} action={back} />;
  if (!topic) return <Skeleton active paragraph={{ rows: 10 }} />;

  const saved = (t: TopicView) => {
    setData(t);
    setOpen(null);
  };
  const decidable = topic.status === 'open' && topic.can.decide;
  return (
    <Flex vertical gap={16} data-testid="topic-page">
      <PageHeader
        title={
          <Flex align="center" gap={12}>
            {topic.title}
            <PhaseTag phase={topic.phase} label={topic.phaseLabel} />
          </Flex>
        }
        hint={topic.trail}
      >
        {back}
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          刷新
        </Button>
        {topic.can.edit && <Button onClick={() => setOpen('edit')}>修改</Button>}
        {topic.can.withdraw && topic.status === 'open' && (
          <Button danger onClick={() => setOpen('withdraw')}>
            撤回
          </Button>
        )}
        {decidable && (
          <Button type="primary" onClick={() => setOpen('decide')}>
            记录决定
          </Button>
        )}
      </PageHeader>

      {topic.status === 'withdrawn' && <Alert type="warning" showIcon title={`已撤回：${topic.withdrawnReason ?? ''}`} />}
      {topic.phase === 'awaiting' && decidable && <Alert type="info" showIcon title={`${topic.hasVote ? '投票' : '征求意见'}已结束，等待记录决定：可在逢三说事或联席会议上商定后点“记录决定”。`} />}

      <Card size="small" title="议题">
        <Descriptions column={3} size="small">
          <Descriptions.Item label="范围">{topic.trail}</Descriptions.Item>
          <Descriptions.Item label="谁参加">{topic.audienceLabel}</Descriptions.Item>
          <Descriptions.Item label="参与方">{topic.parties.length ? topic.parties.join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label="征求意见至">{date(topic.opinionsUntil)}</Descriptions.Item>
          <Descriptions.Item label="投票">{topic.voteOpensAt !== null && topic.voteClosesAt !== null ? `${date(topic.voteOpensAt)} – ${date(topic.voteClosesAt)}` : '不投票'}</Descriptions.Item>
          <Descriptions.Item label="发起">
            {topic.openedBy.name} · {dateTime(topic.createdAt)}
          </Descriptions.Item>
          {topic.report && (
            <Descriptions.Item label="来自反映" span={3}>
              <Typography.Link onClick={() => navigate('desk', { search: new URLSearchParams({ q: topic.report!.id, report: topic.report!.id }).toString() })}>{topic.report.title}</Typography.Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>背景</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="background">
          {topic.background}
        </Typography.Paragraph>
        {topic.photos.length > 0 && (
          <Flex gap={8} wrap>
            <Image.PreviewGroup>
              {topic.photos.map((src, i) => (
                <Image key={src} src={src} alt={`议题照片 ${i + 1}`} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 6 }} />
              ))}
            </Image.PreviewGroup>
          </Flex>
        )}
      </Card>

      {topic.decision && <Decision decision={topic.decision} compoundId={topic.unit.kind === 'compound' ? topic.unit.id : null} />}
      <Results topic={topic} />
      <Opinions topic={topic} onChanged={setData} />

      {open === 'edit' && <TopicDrawer topic={topic} onClose={() => setOpen(null)} onSaved={saved} />}
      {open === 'decide' && <DecideDrawer topic={topic} onClose={() => setOpen(null)} onSaved={saved} />}
      {open === 'withdraw' && (
        <ReasonModal<{ reason: string }>
          title="撤回议题"
          okText="撤回"
          name="withdraw-topic"
          context={`${topic.trail} · ${topic.title}`}
          notice={{ type: 'warning', text: '撤回后不能再发表意见和投票，已投的票不再统计；居民会看到撤回的原因。' }}
          label="撤回的原因"
          required="请填写撤回的原因，居民会看到"
          placeholder="如：物业已同意自行整改，不再需要表决"
          onSubmit={async ({ reason }) => {
            const t = await api.deliberation.withdraw({ id: topic.id, version: topic.version, reason });
            saved(t);
            message.success(`已撤回议题「${t.title}」`);
          }}
          onFailed={(e, f) => fail(e, f)}
          onClose={() => setOpen(null)}
        />
      )}
    </Flex>
  );
}
