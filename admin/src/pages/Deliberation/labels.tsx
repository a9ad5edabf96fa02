/** How a topic's phase and turnout read on the management page: a tag with words (never colour alone), "已投 12 户 / 共 40 户". */
import { Tag } from 'antd';
import type { TopicPhase } from '../../../../src/core/deliberation';
import type { TopicCard } from '../../api';

const PHASE_COLOR: Record<TopicPhase, string> = {
  opinions: 'blue',
  voting: 'processing',
  awaiting: 'orange',
  decided: 'green',
  withdrawn: 'default',
};

export function PhaseTag({ phase, label }: { phase: TopicPhase; label: string }) {
  return (
    <Tag color={PHASE_COLOR[phase]} data-testid="phase" style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** "已投 3 户 / 共 40 户（8%）"; an open question has no vote. */
export function turnoutText(t: TopicCard['turnout'], hasVote: boolean): string {
  if (!hasVote) return '不投票（征求意见）';
  return `已投 ${t.voted} 户 / 共 ${t.households} 户（${t.percent}%）`;
}
