/**
 * The echo wall (回音壁), `reports.echoWall`: a compound's resolved reports of a month, anonymised
 * (core/reports/echo-wall.ts decides what shows). Public: whoever scans the compound's public code,
 * opens its link, or is forwarded the page in a building group may read it unregistered — so each
 * caller gets ECHO_WALL_LIMIT reads a window, as codes are resolved.
 */
import {
  DomainError,
  ECHO_WALL_LIMIT,
  ECHO_WALL_MAX,
  ECHO_WALL_STATUSES,
  ancestorIds,
  consentOf,
  echoEntry,
  echoMonths,
  echoTally,
  findCategory,
  monthKey,
  monthRange,
  onEchoWall,
  streetIdOfPath,
  type EchoWall,
  type Report,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import type { ReportQuery } from '../../store/port';
import { findCode, unitOfCode } from '../codes/load';
import { refusalOf } from '../codes/refusals';
import { trailOf, unitRef } from '../codes/views';
import { publicAction, type ActionContext, type FunctionDef } from '../define';
import { policyFor } from '../policy';
import { takeTry } from '../tries';

const NO_COMPOUND = '请扫小区的公开码打开回音壁，或登记后从首页打开';

/** The compound whose wall is asked for: by its public code, by its id, else the caller's own. */
async function compoundOf(ctx: ActionContext, input: { compoundId?: string; codeId?: string }): Promise<Unit> {
  const { deps, caller } = ctx;
  if (input.codeId) {
    const code = await findCode(deps, input.codeId);
    if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'codeId');
    if (code.purpose !== 'public') throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是小区的公开码：回音壁请扫小区的公开码打开', 'codeId');
    const unit = await unitOfCode(deps, code);
    const refused = refusalOf(code, unit, deps.clock.now());
    if (refused) throw refused;
    return unit!;
  }
  if (input.compoundId) {
    const unit = await deps.store.units.get(input.compoundId);
    if (!unit || unit.archived || unit.kind !== 'compound') throw new DomainError('UNIT.NOT_FOUND', '找不到这个小区：请扫小区的公开码打开回音壁', 'compoundId');
    return unit;
  }
  // A resident from home: the compound of their first binding that lies in one.
  for (const b of caller?.bindings ?? []) {
    if (b.unit.archived) continue;
    if (b.unit.kind === 'compound') return b.unit;
    const above = ancestorIds(b.unit.path).slice(0, -1);
    const units = above.length ? await deps.store.units.getMany(above) : [];
    const compound = units.find((u) => u.kind === 'compound' && !u.archived);
    if (compound) return compound;
  }
  throw new DomainError('UNIT.NOT_FOUND', NO_COMPOUND, 'compoundId');
}

/** What the store lists for the wall of [from, to): its statuses, resolved in the range, counted. */
const wallQuery = (path: string, from: number, to: number, now: number): ReportQuery => ({ path, statuses: [...ECHO_WALL_STATUSES], resolvedFrom: from, resolvedTo: to, counted: true, now });

/** The photo addresses the reader can load: the mini-program loads stored cloud references itself, a browser is given addresses. */
async function photoAddressesFor(ctx: ActionContext, refs: readonly string[]): Promise<(ref: string) => string> {
  const { deps } = ctx;
  const inWeChat = ctx.caller ? ctx.caller.via === 'openid' : !!ctx.client.openid;
  if (inWeChat || refs.length === 0) return (ref) => deps.photos.url(ref);
  const unique = [...new Set(refs)];
  const urls = await deps.photos.urls(unique);
  const byRef = new Map(unique.map((ref, i) => [ref, urls[i]]));
  return (ref) => byRef.get(ref) ?? deps.photos.url(ref);
}

export const echoWall: FunctionDef = {
  echoWall: publicAction(schemas.reports.echoWall, async (ctx, input): Promise<EchoWall> => {
    const { deps } = ctx;
    await takeTry(ctx, 'reports.echoWall', ECHO_WALL_LIMIT, 'ECHO.TOO_MANY_TRIES');
    const now = deps.clock.now();
    const thisMonth = monthKey(now);
    const month = input.month ?? thisMonth;
    if (month > thisMonth) throw new DomainError('INPUT.INVALID', '这个月还没到，请选本月或以前的月份', 'month');
    const compound = await compoundOf(ctx, input);
    const { from, to } = monthRange(month);

    const offered = echoMonths(thisMonth);
    const [listed, total, counts, above] = await Promise.all([
      deps.store.reportQueries.list(wallQuery(compound.path, from, to, now), 'createdAt', ECHO_WALL_MAX, 0),
      deps.store.reportQueries.count(wallQuery(compound.path, from, to, now)),
      Promise.all(offered.map((m) => deps.store.reportQueries.count(wallQuery(compound.path, monthRange(m).from, monthRange(m).to, now)))),
      deps.store.units.getMany(ancestorIds(compound.path)),
    ]);
    // The store's list is the filter; the rule is core's, asked again so the wall never shows what core would not.
    const reports = listed.filter((r) => onEchoWall(r, from, to)).sort((a, b) => a.resolvedAt! - b.resolvedAt!);

    const [timelines, units, cal, policy] = await Promise.all([
      deps.store.reportQueries.timelines(reports.map((r) => r.id)),
      deps.store.units.getMany([...new Set(reports.map((r) => r.unitId))]),
      deps.calendars.forStreet(streetIdOfPath(compound.path)),
      policyFor(deps, reports[0]?.communityId ?? above.find((u) => u.kind === 'community')?.id ?? null),
    ]);
    const resolveOf = (r: Report) => [...(timelines.get(r.id) ?? [])].reverse().find((e) => e.type === 'resolve') ?? null;
    const personIds = new Set<string>();
    for (const r of reports) {
      if (r.residentId) personIds.add(r.residentId);
      if (r.handlerId) personIds.add(r.handlerId);
      const resolved = resolveOf(r);
      if (resolved?.actorId) personIds.add(resolved.actorId);
    }
    const people = new Map((personIds.size ? await deps.store.people.getMany([...personIds]) : []).map((p) => [p.id, p]));
    const unitById = new Map(units.map((u) => [u.id, u]));

    const entries = reports.map((r, i) => {
      const resolved = resolveOf(r);
      const resident = r.residentId ? people.get(r.residentId) : undefined;
      const unit = unitById.get(r.unitId);
      return echoEntry(
        r,
        {
          resolveNote: resolved?.note ?? null,
          resolvePhotos: resolved?.photos ?? [],
          names: [resident?.name, r.handlerId ? people.get(r.handlerId)?.name : null, resolved?.actorId ? people.get(resolved.actorId)?.name : null],
          photoConsent: resident ? consentOf(resident).photos : true,
          buildingName: unit && unit.kind === 'building' ? unit.name : null,
        },
        findCategory(policy, r.category),
        cal,
        `${month}:${i + 1}`,
      );
    });
    const address = await photoAddressesFor(ctx, entries.flatMap((e) => e.photos));
    const names = new Map([...above, compound].map((u) => [u.id, u]));
    return {
      compound: unitRef(compound),
      trail: trailOf(compound, names),
      month,
      months: offered.map((m, i) => ({ month: m, count: counts[i] })),
      entries: entries.map((e) => ({ ...e, photos: e.photos.map(address) })),
      total,
      tally: echoTally(entries),
    };
  }),
};
