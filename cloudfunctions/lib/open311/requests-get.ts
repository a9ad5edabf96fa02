/**
 * GET requests: the key's community's reports, newest first, filtered as the spec defines —
 * service_request_id (a comma list, which overrides every other filter), service_code, start_date and
 * end_date (at most 90 days apart; the most recent 90 days when neither is sent), status (open,
 * closed) — and paged with page (from 1) and page_size, as Chicago's and Boston's endpoints do.
 */
import { DomainError, STATUSES, findCategory, isOpen, type Report, type Status } from '../../../src/core';
import { policyFor } from '../actions/policy';
import type { Deps } from '../deps';
import { parseW3c } from './dates';
import { badParam } from './errors';
import { answer, type Format } from './format';
import { recordsOf } from './record';
import { list, one, type Open311Request, type Open311Response, type Params } from './request';
import { requireKey } from './scope';

const DAY = 24 * 3600_000;
/** The widest range the spec allows, and what is read when no range is given. */
export const MAX_SPAN = 90 * DAY;
/** How many ids one call may name. */
export const MAX_IDS = 100;
export const DEFAULT_PAGE_SIZE = 100;
/** The spec's default limit ("the first 1000 requests") is our largest page. */
export const MAX_PAGE_SIZE = 1000;

const OPEN_STATUSES: Status[] = STATUSES.filter(isOpen);
const CLOSED_STATUSES: Status[] = STATUSES.filter((s) => !isOpen(s));

function dateParam(params: Params, name: 'start_date' | 'end_date'): number | undefined {
  const v = one(params, name);
  if (v === undefined) return undefined;
  const t = parseW3c(v);
  if (t === null) throw badParam(`${name} 的格式不对：请用 W3C 日期时间，如 2026-11-01T00:00:00+08:00 或 2026-11-01`, name);
  return t;
}

/** [from, to] inclusive: as sent, the other end 90 days away, or the last 90 days. */
export function rangeOf(params: Params, now: number): { from: number; to: number } {
  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  if (start !== undefined && end !== undefined) {
    if (end < start) throw badParam('end_date 应晚于 start_date', 'end_date');
    if (end - start > MAX_SPAN) throw new DomainError('GEOREPORT.DATE_RANGE', undefined, 'end_date');
    return { from: start, to: end };
  }
  if (start !== undefined) return { from: start, to: start + MAX_SPAN };
  if (end !== undefined) return { from: end - MAX_SPAN, to: end };
  return { from: now - MAX_SPAN, to: now };
}

function positiveInt(params: Params, name: string, fallback: number, max: number): number {
  const v = one(params, name);
  if (v === undefined) return fallback;
  if (!/^\d{1,7}$/.test(v) || Number(v) < 1) throw badParam(`${name} 应为正整数`, name);
  if (Number(v) > max) throw badParam(`${name} 最大为 ${max}`, name);
  return Number(v);
}

function statusesOf(params: Params): Status[] | undefined {
  const asked = list(params, 'status');
  if (asked.length === 0) return undefined;
  for (const s of asked) if (s !== 'open' && s !== 'closed') throw badParam(`status 只能是 open 或 closed，收到的是“${s.slice(0, 20)}”`, 'status');
  return [...(asked.includes('open') ? OPEN_STATUSES : []), ...(asked.includes('closed') ? CLOSED_STATUSES : [])];
}

export async function requestsGet(deps: Deps, req: Open311Request, format: Format): Promise<Open311Response> {
  const key = await requireKey(deps, req.query);
  const policy = await policyFor(deps, key.communityId);
  const ids = list(req.query, 'service_request_id');
  let reports: Report[];
  if (ids.length > 0) {
    if (ids.length > MAX_IDS) throw badParam(`service_request_id 一次最多 ${MAX_IDS} 个`, 'service_request_id');
    // The spec: ids override every other filter. Unknown ones and other communities' are left out.
    const found = await Promise.all(ids.map((id) => (id.length <= 64 ? deps.store.reports.get(id) : null)));
    reports = found.filter((r): r is Report => !!r && r.unitPath.startsWith(key.communityPath));
  } else {
    const codes = list(req.query, 'service_code');
    for (const c of codes) if (!findCategory(policy, c)) throw new DomainError('GEOREPORT.SERVICE_NOT_FOUND', `没有“${c.slice(0, 40)}”这个 service_code：可用的类别见 services.xml`);
    const statuses = statusesOf(req.query);
    const now = deps.clock.now();
    const { from, to } = rangeOf(req.query, now);
    const page = positiveInt(req.query, 'page', 1, 100_000);
    const size = positiveInt(req.query, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    reports = await deps.store.reportQueries.list(
      { path: key.communityPath, now, createdFrom: from, createdTo: to + 1, ...(codes.length ? { categories: codes } : {}), ...(statuses ? { statuses } : {}) },
      '-createdAt',
      size,
      (page - 1) * size,
    );
  }
  return answer(format, 'service_requests', await recordsOf(deps, reports, policy));
}
