/**
 * What a topic says, checked the same way when it is opened and when it is edited: its days (China
 * days from today, at most TOPIC_DAYS_AHEAD_MAX ahead; the vote from the start of one day to the end
 * of another) and its options (none for an open question, else 2–8 different ones, ids a, b, c…).
 */
import {
  DomainError,
  TOPIC_DAYS_AHEAD_MAX,
  TOPIC_OPTIONS_MIN,
  dayKey,
  dayStart,
  optionIds,
  type ActionInput,
  type Topic,
} from '../../../../src/core';

const DAY = 24 * 3600_000;

type Content = Omit<ActionInput<'deliberation', 'open'>, 'clientRequestId' | 'unitId' | 'reportId'>;

/** The topic's fields from the input; `photos` are the references to keep (accepted by the caller). */
export type TopicContent = Pick<Topic, 'title' | 'background' | 'options' | 'audience' | 'parties' | 'opinionsUntil' | 'voteOpensAt' | 'voteClosesAt'>;

/** A day that exists (2月30日 does not), from today to TOPIC_DAYS_AHEAD_MAX days ahead. */
function checkDay(day: string, now: number, field: string): void {
  const real = dayKey(dayStart(day)) === day;
  if (!real || day < dayKey(now) || day > dayKey(now + TOPIC_DAYS_AHEAD_MAX * DAY)) throw new DomainError('TOPIC.BAD_DATES', undefined, field);
}

/** The end of a China day: its last millisecond. */
const dayEnd = (day: string) => dayStart(day) + DAY - 1;

export function topicContent(input: Content, now: number): TopicContent {
  const labels = input.options ?? [];
  const hasVote = labels.length > 0;
  if (hasVote && (labels.length < TOPIC_OPTIONS_MIN || new Set(labels).size !== labels.length)) throw new DomainError('TOPIC.BAD_OPTIONS', undefined, 'options');
  const from = input.voteFrom ?? null;
  const until = input.voteUntil ?? null;
  if (!hasVote && (from !== null || until !== null)) throw new DomainError('TOPIC.BAD_OPTIONS', '只征求意见的议题不投票：要投票请写 2 到 8 个选项，否则不选投票日期', 'options');
  checkDay(input.opinionsUntil, now, 'opinionsUntil');
  if (hasVote) {
    if (from === null) throw new DomainError('TOPIC.BAD_DATES', '要投票请选投票开始日期', 'voteFrom');
    if (until === null) throw new DomainError('TOPIC.BAD_DATES', '要投票请选投票截止日期', 'voteUntil');
    checkDay(from, now, 'voteFrom');
    checkDay(until, now, 'voteUntil');
    if (until < from) throw new DomainError('TOPIC.BAD_DATES', '投票截止日期不能早于开始日期', 'voteUntil');
  }
  const ids = optionIds(labels.length);
  return {
    title: input.title,
    background: input.background,
    options: labels.map((label, i) => ({ id: ids[i], label })),
    audience: input.audience,
    parties: [...new Set(input.parties ?? [])],
    opinionsUntil: dayEnd(input.opinionsUntil),
    voteOpensAt: hasVote ? dayStart(from!) : null,
    voteClosesAt: hasVote ? dayEnd(until!) : null,
  };
}
