/**
 * What happens next to a report, in one sentence: to the resident who filed it or follows it
 * ("…前会联系您"), and to the staff and handlers who work it, who need whose move it is, by when,
 * and what the timer will do.
 */
import {
  LEVEL_LABEL,
  RATING_LABEL,
  formatWhen,
  nextLevel,
  type CommunityPolicy,
  type Level,
  type Report,
  type Unit,
  type ReportSummary,
} from '../../../../src/core';

const DAY = 24 * 3600_000;

/** "楼栋的赵桂兰", or the level alone when nobody holds it. */
const whoOf = (s: ReportSummary) => (s.handlerName ? `${s.levelLabel}的${s.handlerName}` : `${s.levelLabel}`);

/** The level a breach sends the report to; `ancestors` (its unit and those above) tell whether it sits under a grid. */
const levelAbove = (r: Report, policy: CommunityPolicy, ancestors?: readonly Pick<Unit, 'kind'>[]) => nextLevel(r.level, policy, ancestors);

/** To the resident: what they wait for and what they can do. */
export function residentNextStep(r: Report, s: ReportSummary, policy: CommunityPolicy, now: number, ancestors?: readonly Pick<Unit, 'kind'>[]): string {
  const who = whoOf(s);
  const up = levelAbove(r, policy, ancestors);
  // Read at once, on the page: the dates in words as everywhere (今天 15:00, 明天, 12月1日, 2025年12月1日).
  const fmt = (t: number) => formatWhen(t, now);
  switch (r.status) {
    case 'submitted':
      if (!r.handlerId) return `${s.levelLabel}暂时没有负责人，街道已收到提醒，会尽快安排。`;
      return `已交给${who}，${fmt(r.respondBy)}前会联系您，${fmt(r.dueAt)}前办结。${up ? `超时会自动上报到${LEVEL_LABEL[up]}。` : ''}`;
    case 'responded':
      return `${who}正在办理，${fmt(r.dueAt)}前办结。${up ? `超时会自动上报到${LEVEL_LABEL[up]}。` : ''}`;
    case 'transferred':
      return `已转交${r.transferredTo ?? '相关部门'}办理，${who}会跟进，${fmt(r.dueAt)}前办结。`;
    case 'needs_info':
      return '需要您补充一些情况，请看下面的记录并填写补充说明。';
    case 'resolved':
      return `已办结，请您确认并评价；${policy.autoCloseDays} 天内没有评价会自动关闭。问题没解决可以点“问题还没解决”。`;
    case 'closed':
      return r.rating ? '已评价，谢谢您。' : '已关闭。';
    case 'rejected':
      return `未受理：${r.rejectReason ?? ''}`;
  }
}

/** What the timer does about the resolve deadline at this level. */
function onBreach(r: Report, s: ReportSummary, up: Level | null): string {
  if (up) return s.overdue ? `将自动上报到${LEVEL_LABEL[up]}。` : `超时会自动上报到${LEVEL_LABEL[up]}。`;
  return r.flagged ? '已在街道超时，已提请街道领导关注。' : '街道是最后一级，超时会提请街道领导关注。';
}

/**
 * To staff and handlers: whose move it is and by when, dates in the one way the page writes them
 * (今天 15:00 / 12月1日 15:00 / 2025年12月1日 15:00).
 */
export function staffNextStep(r: Report, s: ReportSummary, policy: CommunityPolicy, now: number, ancestors?: readonly Pick<Unit, 'kind'>[]): string {
  const up = levelAbove(r, policy, ancestors);
  const who = whoOf(s);
  const at = (t: number) => formatWhen(t, now);
  const due = s.overdue ? `办结期限（${at(r.dueAt)}）已过` : `${at(r.dueAt)}前办结`;
  const extension = r.extension ? `${who}申请延期 ${r.extension.days} 个工作日，待${LEVEL_LABEL[r.extension.deciderLevel]}审批。` : '';
  switch (r.status) {
    case 'submitted':
      if (!r.handlerId) return `${s.levelLabel}没有负责人，还没有人受理：请点“转派他人”指定一位；${due}。`;
      if (now > r.respondBy) return `${who}还没有受理，响应期限（${at(r.respondBy)}）已过：请督促受理；${due}。${onBreach(r, s, up)}`;
      return `等${who}受理：${at(r.respondBy)}前受理，${due}。${onBreach(r, s, up)}`;
    case 'responded':
      return `${extension}${who}已受理，正在办理；${due}。${onBreach(r, s, up)}`;
    case 'transferred':
      return `${extension}已转交${r.transferredTo ?? '相关部门'}，由${who}跟进；${due}。${onBreach(r, s, up)}`;
    case 'needs_info':
      return `已请居民补充情况，居民回复后由${who}继续办理；时限照常计算，${due}。${onBreach(r, s, up)}`;
    case 'resolved': {
      const by = r.resolvedLevel ? `${LEVEL_LABEL[r.resolvedLevel]}已办结` : '已办结';
      const closes = r.resolvedAt !== null ? `${at(r.resolvedAt + policy.autoCloseDays * DAY)}前不评价会自动关闭` : `${policy.autoCloseDays} 天内不评价会自动关闭`;
      return `${by}，等居民确认和评价，${closes}；居民说没解决会重新打开。`;
    }
    case 'closed': {
      if (!r.rating) return '已关闭，居民没有评价。';
      const rated = `已关闭，居民评价“${RATING_LABEL[r.rating]}”`;
      if (r.followUp?.status === 'open') return `${rated}：请社区回访，回访后点“完成回访”。`;
      if (r.followUp?.status === 'done') return `${rated}，已回访。`;
      return `${rated}。`;
    }
    case 'rejected':
      return `未受理：${r.rejectReason ?? ''}`;
  }
}
