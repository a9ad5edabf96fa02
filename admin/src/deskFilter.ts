/**
 * The report desk's filter in the address bar: one readable parameter per field
 * ("?unit=u1&statuses=submitted,responded&overdue=1"), so a dashboard number opens the desk on
 * exactly its reports and a reload (F5) keeps them.
 *
 * The desk opens (an address with no condition at all) on the open reports, so that the deadline
 * order puts what is overdue first rather than last year's closed reports. Every other address says
 * what it means: "statuses=all" for every status, which is what a filter without statuses asks.
 */
import type { DeskFilter, DeskSort, Status } from './api';
import { formatDay } from '../../src/core/time';
import { CHANNEL_LABEL, LEVEL_LABEL, RATING_LABEL, STATUSES, STATUS_LABEL, isOpen } from './core';

/** The statuses somebody still has to act on: what the desk opens on. */
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter(isOpen);
/** The address's word for "every status". */
const ALL = 'all';

/** The filter shows exactly the open reports (in any order). */
export const isOpenOnly = (statuses: readonly Status[] | undefined) =>
  !!statuses && statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => statuses.includes(s));

type Kind = 'list' | 'bool' | 'num';
const FIELDS: Record<Exclude<keyof DeskFilter, 'unitId' | 'q'>, Kind> = {
  statuses: 'list',
  levels: 'list',
  categories: 'list',
  channels: 'list',
  overdue: 'bool',
  dueWithinHours: 'num',
  createdFrom: 'num',
  createdTo: 'num',
  resolvedFrom: 'num',
  resolvedTo: 'num',
  resolvedLevels: 'list',
  breached: 'bool',
  respondedOnTime: 'bool',
  responseSettledBy: 'num',
  ratings: 'list',
  disputed: 'bool',
  escalated: 'bool',
  followUpOpen: 'bool',
  counted: 'bool',
};

export interface DeskQuery {
  filter: DeskFilter;
  sort: DeskSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;

/** Drops empty fields so that the URL and the request carry only what filters. */
export function cleanFilter(f: DeskFilter): DeskFilter {
  const out: Record<string, unknown> = { unitId: f.unitId };
  for (const [k, v] of Object.entries(f)) {
    if (k === 'unitId' || v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = typeof v === 'string' ? v.trim() || undefined : v;
    if (out[k] === undefined) delete out[k];
  }
  return out as unknown as DeskFilter;
}

export function filterToSearch(q: Partial<DeskQuery> & { filter: DeskFilter }): string {
  const p = new URLSearchParams();
  const f = cleanFilter(q.filter);
  p.set('unit', f.unitId);
  for (const [k, kind] of Object.entries(FIELDS) as [keyof typeof FIELDS, Kind][]) {
    const v = f[k];
    if (v === undefined && k === 'statuses') p.set(k, ALL);
    if (v === undefined) continue;
    if (kind === 'list') p.set(k, (v as string[]).join(','));
    else if (kind === 'bool') p.set(k, v ? '1' : '0');
    else p.set(k, String(v));
  }
  if (f.q) p.set('q', f.q);
  if (q.sort && q.sort !== 'dueAt') p.set('sort', q.sort);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  if (q.pageSize && q.pageSize !== DEFAULT_PAGE_SIZE) p.set('size', String(q.pageSize));
  return p.toString();
}

/** Reads the desk query from a query string; `fallbackUnit` when it names no unit. With no condition at all, the open reports. */
export function searchToQuery(search: string, fallbackUnit: string): DeskQuery {
  const p = new URLSearchParams(search);
  const f: Record<string, unknown> = { unitId: p.get('unit') || fallbackUnit };
  const bare = !p.get('q') && Object.keys(FIELDS).every((k) => !p.get(k));
  if (bare) f.statuses = [...OPEN_STATUSES];
  for (const [k, kind] of Object.entries(FIELDS) as [keyof typeof FIELDS, Kind][]) {
    const raw = p.get(k);
    if (raw === null || raw === '' || (k === 'statuses' && raw === ALL)) continue;
    if (kind === 'list') f[k] = raw.split(',').filter(Boolean);
    else if (kind === 'bool') f[k] = raw === '1' || raw === 'true';
    else if (Number.isFinite(Number(raw))) f[k] = Number(raw);
  }
  const q = p.get('q');
  if (q) f.q = q;
  const sort = p.get('sort');
  const page = Number(p.get('page') ?? 1);
  const size = Number(p.get('size') ?? DEFAULT_PAGE_SIZE);
  return {
    filter: f as unknown as DeskFilter,
    sort: sort === '-createdAt' || sort === 'createdAt' ? sort : 'dueAt',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

const day = (t: number) => formatDay(t, Date.now());
const yesNo = (v: boolean, yes: string, no: string) => (v ? yes : no);

/**
 * The conditions the desk's filter bar has no control for (they come from a dashboard number),
 * as sentences a person reads on a tag: "办结层级：楼栋、小区".
 */
export function extraConditions(f: DeskFilter): { key: keyof DeskFilter; label: string }[] {
  const out: { key: keyof DeskFilter; label: string }[] = [];
  if (f.resolvedFrom !== undefined || f.resolvedTo !== undefined) {
    out.push({
      key: 'resolvedFrom',
      label: `办结时间：${f.resolvedFrom !== undefined ? day(f.resolvedFrom) : '不限'} 至 ${f.resolvedTo !== undefined ? day(f.resolvedTo - 1) : '不限'}`,
    });
  }
  if (f.resolvedLevels?.length) out.push({ key: 'resolvedLevels', label: `办结层级：${f.resolvedLevels.map((l) => LEVEL_LABEL[l]).join('、')}` });
  if (f.breached !== undefined) out.push({ key: 'breached', label: yesNo(f.breached, '曾经超时', '从未超时') });
  if (f.respondedOnTime !== undefined) out.push({ key: 'respondedOnTime', label: yesNo(f.respondedOnTime, '按时响应', '未按时响应') });
  // The response rate's denominator: responded, or past the response deadline, by that moment.
  if (f.responseSettledBy !== undefined) out.push({ key: 'responseSettledBy', label: `应响应：已响应或已到响应期限（截至${day(f.responseSettledBy)}）` });
  if (f.ratings?.length) out.push({ key: 'ratings', label: `评价：${f.ratings.map((r) => RATING_LABEL[r]).join('、')}` });
  if (f.disputed !== undefined) out.push({ key: 'disputed', label: yesNo(f.disputed, '居民有异议', '居民无异议') });
  if (f.escalated !== undefined) out.push({ key: 'escalated', label: yesNo(f.escalated, '曾上报', '未上报') });
  if (f.followUpOpen !== undefined) out.push({ key: 'followUpOpen', label: yesNo(f.followUpOpen, '待回访', '无待回访') });
  if (f.counted !== undefined) out.push({ key: 'counted', label: yesNo(f.counted, '计入考核（不含重复反映）', '重复反映') });
  return out;
}

/** Removes one extra condition (both ends of a range). */
export function withoutCondition(f: DeskFilter, key: keyof DeskFilter): DeskFilter {
  const next = { ...f };
  delete next[key];
  if (key === 'resolvedFrom') delete next.resolvedTo;
  return next;
}

/** A one-line description of the whole filter, for headings and the empty state. */
export function describeFilter(f: DeskFilter, categoryName: (code: string) => string): string {
  const parts: string[] = [];
  if (f.statuses?.length) parts.push(f.statuses.map((s) => STATUS_LABEL[s]).join('、'));
  if (f.levels?.length) parts.push(`在${f.levels.map((l) => LEVEL_LABEL[l]).join('、')}办理`);
  if (f.categories?.length) parts.push(f.categories.map(categoryName).join('、'));
  if (f.channels?.length) parts.push(f.channels.map((c) => CHANNEL_LABEL[c]).join('、'));
  if (f.overdue !== undefined) parts.push(f.overdue ? '已超时' : '未超时');
  if (f.dueWithinHours !== undefined) parts.push(`${f.dueWithinHours} 小时内到期`);
  parts.push(...extraConditions(f).map((c) => c.label));
  return parts.join('，');
}
