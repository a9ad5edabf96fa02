/**
 * How the deliberation pages say a topic: its phase in words with an icon (never its colour alone), the
 * days it takes opinions and votes, the share of households that took part, the household's own vote
 * and how a decision was reached. One place, so the list, a topic and the public page say them alike.
 */
import type { DecisionView, TopicCard, TopicView } from '../core/api';
import type { TopicPhase } from '../core/deliberation';
import { ancestorIds } from '../core/units';
import { formatDay } from '../utils/time';

export type Tone = 'ok' | 'wait' | 'open' | 'off';

const ICON: Record<TopicPhase, string> = { opinions: '💬', voting: '🗳', awaiting: '⏳', decided: '✓', withdrawn: '✕' };
const TONE: Record<TopicPhase, Tone> = { opinions: 'open', voting: 'wait', awaiting: 'wait', decided: 'ok', withdrawn: 'off' };

/** The chip of a topic: "🗳 投票中", "✓ 已有决定", with its tone. */
export const phaseChip = (t: Pick<TopicCard, 'phase' | 'phaseLabel'>) => ({ tone: TONE[t.phase], label: `${ICON[t.phase]} ${t.phaseLabel}` });

/** "已投 12 户 / 共 40 户（30%）". */
export const turnoutLine = (t: TopicCard['turnout']) => `已投 ${t.voted} 户 / 共 ${t.households} 户（${t.percent}%）`;

/** When things happen, for the phase it is in: "征求意见到12月5日，12月6日开始投票", "投票到12月10日". */
export function daysLine(t: Pick<TopicCard, 'phase' | 'hasVote' | 'opinionsUntil' | 'voteOpensAt' | 'voteClosesAt' | 'decidedAt'>, now: number = Date.now()): string {
  const day = (ms: number) => formatDay(ms, now);
  switch (t.phase) {
    case 'opinions':
      return t.hasVote && t.voteOpensAt !== null ? `征求意见到${day(t.opinionsUntil)}，${day(t.voteOpensAt)}开始投票` : `征求意见到${day(t.opinionsUntil)}`;
    case 'voting':
      return t.voteClosesAt !== null ? `投票到${day(t.voteClosesAt)}，当天都可以投` : '正在投票';
    case 'awaiting':
      return t.hasVote ? '投票已结束，决定公布后会通知您' : '征求意见已结束，决定公布后会通知您';
    case 'decided':
      return t.decidedAt !== null ? `${day(t.decidedAt)}作出决定` : '已作出决定';
    case 'withdrawn':
      return '这个议题已撤回';
  }
}

/** Whether the household voted, for a card of the list: only while it matters or once it is known. */
export function votedLine(t: Pick<TopicCard, 'phase' | 'hasVote' | 'myHouseholdVoted'>): string | null {
  if (!t.hasVote) return null;
  if (t.myHouseholdVoted) return '✓ 您家已投票';
  return t.phase === 'voting' ? '您家还没有投票' : null;
}

/** "您家已投：同意（张三 12月1日）". */
export function myVoteLine(t: Pick<TopicView, 'myVote' | 'options'>, now: number = Date.now()): string | null {
  if (!t.myVote) return null;
  const label = t.options.find((o) => o.id === t.myVote!.optionId)?.label ?? '';
  return `您家已投：${label}（${t.myVote.by} ${formatDay(t.myVote.at, now)}）`;
}

/** A day key ("2026-12-13") the one way dates are written. */
export const dayWords = (day: string, now: number = Date.now()) => {
  const [y, m, d] = day.split('-').map(Number);
  return formatDay(Date.UTC(y, m - 1, d) - 8 * 3600_000, now);
};

/** "12月13日 逢三说事议事会决定"; by the vote: "按住户投票结果决定". */
export function decidedHow(d: Pick<DecisionView, 'decidedBy' | 'decidedByLabel' | 'meetingDay'>, now: number = Date.now()): string {
  return d.decidedBy === 'vote' ? `${dayWords(d.meetingDay, now)}按住户投票结果决定` : `${dayWords(d.meetingDay, now)}${d.decidedByLabel}决定`;
}

/** The compound a unit is in (its own id for a compound), from its path /street/community/compound/…; null for a community. */
export function compoundOf(unit: { id: string; kind: string; path: string }): string | null {
  if (unit.kind === 'compound') return unit.id;
  if (unit.kind === 'street' || unit.kind === 'community') return null;
  return ancestorIds(unit.path)[2] ?? null;
}
