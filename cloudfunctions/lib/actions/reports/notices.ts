/**
 * Who hears of a change to a report, and in what words: each notice names the report (its category
 * and place), quotes what the handler or the resident wrote, and opens the report — on the handler's
 * page for those who handle it, on the report's page for the resident, followers and watchers. The
 * same words go to a subscribe message as fields (see README: subscribe messages).
 */
import { DEFAULT_POLICY, LEVEL_LABEL, ancestorIds, findCategory, type CommunityPolicy, type Report, type Status } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';
import { policyFor } from '../policy';
import { placeOf } from './views';

/** What names a report in a notice: "噪音扰民" at "幸福里小区 1号楼". */
export interface ReportLabel {
  categoryName: string;
  place: string;
}

/** The report a notice is about: its id, status and name; or its id alone (the timer, which looks nothing up). */
export type About = { id: string; status: Status; label: ReportLabel } | string;

/** Quotes are cut here: a message list shows a line or two, and the report's page has the rest. */
const QUOTE_MAX = 60;
/** WeChat's limit for a `thing` keyword, the one a template shows the report in. */
const THING_MAX = 20;

/** A status in at most 5 characters, for a template's `phrase` keyword. */
const SHORT_STATUS: Record<Status, string> = {
  submitted: '待响应',
  responded: '办理中',
  transferred: '已转交',
  needs_info: '待补充',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '未受理',
};

/** `text` on one line, at most `max` characters, the cut marked. */
export function clip(text: string, max = QUOTE_MAX): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The report's category and place, as its page names them. */
export async function labelOf(deps: Deps, r: Report, policy?: CommunityPolicy): Promise<ReportLabel> {
  const [p, units] = await Promise.all([policy ?? policyFor(deps, r.communityId), deps.store.units.getMany(ancestorIds(r.unitPath))]);
  return { categoryName: findCategory(p, r.category)?.name ?? r.category, place: placeOf(r.unitPath, new Map(units.map((u) => [u.id, u]))) };
}

/** What the timer can say without looking anything up: the category's default name. */
export const labelWithoutLookup = (r: Pick<Report, 'category'>): ReportLabel => ({ categoryName: findCategory(DEFAULT_POLICY, r.category)?.name ?? r.category, place: '' });

/** The report's id, status and name. */
export const about = (r: Pick<Report, 'id' | 'status'>, label: ReportLabel): About => ({ id: r.id, status: r.status, label });

/**
 * The report's name in at most 20 characters, for a template's `thing` keyword: the category and the
 * place, else the category and the building (the place's last part), else cut.
 */
export function reportSubject(label: ReportLabel): string {
  const fits = (s: string) => [...s].length <= THING_MAX;
  const full = [label.categoryName, label.place].filter(Boolean).join(' ');
  if (fits(full)) return full;
  const building = label.place.split(' ').pop() ?? '';
  const short = [label.categoryName, building].filter(Boolean).join(' ');
  return fits(short) ? short : clip(short, THING_MAX);
}

/** What a notice says besides its title: a sentence of ours, and words someone wrote (quoted, cut). */
export interface Said {
  text?: string;
  note?: string | null;
}

function bodyOf(label: ReportLabel | null, said: Said): string {
  const note = said.note?.trim() ? `“${clip(said.note)}”` : '';
  const words = [said.text, note].filter(Boolean).join('。');
  if (!label) return words;
  const name = label.place ? `${label.categoryName}（${label.place}）` : label.categoryName;
  return words ? `${name}：${words}` : name;
}

/**
 * A notice about a report to one person: `reader` 'handler' opens the handler's page, 'resident'
 * (the resident, a follower, a watcher) the report's page. None without a person.
 */
export function noticeTo(personId: string | null, kind: string, title: string, said: Said | string, report: About, reader: 'handler' | 'resident' = 'handler'): Notice[] {
  if (!personId) return [];
  const s: Said = typeof said === 'string' ? { text: said } : said;
  const id = typeof report === 'string' ? report : report.id;
  const label = typeof report === 'string' ? null : report.label;
  const notice: Notice = {
    personId,
    kind,
    title,
    body: bodyOf(label, s),
    page: reader === 'resident' ? `pages/report/detail?id=${id}` : `handler/report/index?id=${id}`,
  };
  if (typeof report !== 'string')
    notice.fields = {
      category: report.label.categoryName,
      place: report.label.place,
      report: reportSubject(report.label),
      note: clip(s.note?.trim() || s.text || '', QUOTE_MAX),
      status: SHORT_STATUS[report.status],
    };
  return [notice];
}

/** What a notice says: its title, and the sentence and quote of its body. */
export interface Wording extends Said {
  title: string;
}

/**
 * The resident (or whoever filed it), and every follower in words of their own: a follower is told
 * how the report moves, never what a handler asks the resident (`followers` null: they are not told).
 */
export function residentNotices(r: Report, kind: string, label: ReportLabel, resident: Wording, followers: Wording | null): Notice[] {
  const to = r.residentId ?? r.createdBy;
  const it = about(r, label);
  return [
    ...noticeTo(to, kind, resident.title, resident, it, 'resident'),
    ...(followers ? r.followers.filter((id) => id !== to).flatMap((id) => noticeTo(id, kind, followers.title, followers, it, 'resident')) : []),
  ];
}

/**
 * The new handler, then the resident and followers, of a report that went up a level, with the
 * reason when a handler gave one. The timer passes no label: it looks nothing up mid-sweep.
 */
export function escalationNotices(saved: Report, label: ReportLabel = labelWithoutLookup(saved), reason: string | null = null): Notice[] {
  const text = `已上报到${LEVEL_LABEL[saved.level]}处理`;
  return [
    ...noticeTo(saved.handlerId, 'report.assigned', `上报来的民情反映（${LEVEL_LABEL[saved.level]}）`, { note: reason ?? saved.description }, about(saved, label)),
    ...residentNotices(saved, 'report.escalated', label, { title: '您的反映已上报', text, note: reason }, { title: '您关注的反映已上报', text, note: reason }),
  ];
}
