/** A topic's published decision and minutes, as residents read them on the topic and the public page. */
import { Card, Descriptions, Typography } from 'antd';
import type { DecisionView } from '../../api';
import { navigate } from '../../router';
import { dateTime } from '../../format';

export function Decision({ decision, compoundId }: { decision: DecisionView; compoundId: string | null }) {
  return (
    <Card title="决定和会议纪要" size="small" data-testid="decision">
      <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="决定方式">{decision.decidedByLabel}</Descriptions.Item>
        <Descriptions.Item label="采纳的选项">{decision.option ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="会议日期">{decision.meetingDay}</Descriptions.Item>
        <Descriptions.Item label="公布时间">{dateTime(decision.at)}</Descriptions.Item>
        <Descriptions.Item label="参会人员" span={2}>
          {decision.attendees}
        </Descriptions.Item>
        {decision.rulesVersion !== null && (
          <Descriptions.Item label="小区公约" span={2}>
            {compoundId ? <Typography.Link onClick={() => navigate('deliberation/rules', { search: new URLSearchParams({ compound: compoundId }).toString() })}>修改为第 {decision.rulesVersion} 版</Typography.Link> : `修改为第 ${decision.rulesVersion} 版`}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>决定</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="decision-text">
        {decision.text}
      </Typography.Paragraph>
      <Typography.Title level={5}>会议纪要</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="minutes">
        {decision.minutes}
      </Typography.Paragraph>
    </Card>
  );
}
