/**
 * A topic's results: each option's count and share of the votes cast, and the turnout (households
 * that voted of those that may). Counts come once the vote closes (moderators see them while it runs);
 * who voted what is never shown, to anyone.
 */
import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import type { TopicView } from '../../api';

export function Results({ topic }: { topic: TopicView }) {
  const { turnout } = topic;
  if (!topic.hasVote)
    return (
      <Card title="投票结果" size="small">
        <Typography.Text type="secondary">开放式问题：只征求意见，不投票。</Typography.Text>
      </Card>
    );
  const hidden = topic.options.every((o) => o.count === null);
  return (
    <Card title="投票结果" size="small" data-testid="results">
      <Flex gap={48} style={{ marginBottom: 16 }}>
        <Statistic title="已投票户数" value={turnout.voted} suffix={`/ ${turnout.households} 户`} />
        <Statistic title="参与率（占可投票户数）" value={turnout.percent} suffix="%" />
      </Flex>
      {hidden && <Typography.Paragraph type="secondary">投票结束后公布各选项的票数。</Typography.Paragraph>}
      <Flex vertical gap={8}>
        {topic.options.map((o) => (
          <Flex key={o.id} align="center" gap={12} data-testid="option-result">
            <Typography.Text style={{ width: 200 }} ellipsis={{ tooltip: o.label }}>
              {o.label}
            </Typography.Text>
            <Progress percent={o.percent ?? 0} showInfo={false} style={{ flex: 1, margin: 0 }} />
            <Typography.Text style={{ width: 110, textAlign: 'right' }} data-testid="option-count">
              {o.count === null ? '—' : `${o.count} 票 · ${o.percent ?? 0}%`}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
