/**
 * How points, service records, goods and orders read on the pages: each view with the names of the
 * people it mentions, looked up once per answer.
 */
import {
  GOODS_STATUS_LABEL,
  POINTS_SOURCE_LABEL,
  REDEMPTION_STATUS_LABEL,
  SERVICE_RECORD_STATUS_LABEL,
  ancestorIds,
  pointsFor,
  type Goods,
  type GoodsView,
  type PointsEntry,
  type PointsEntryView,
  type PointsPersonRef,
  type PointsRules,
  type Redemption,
  type RedemptionView,
  type ServiceRecord,
  type ServiceRecordView,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf } from '../codes/views';

export type Names = ReadonlyMap<string, string>;

/** The names of these people (someone gone reads as "已注销的用户"). */
export async function namesOf(deps: Deps, ids: Iterable<string | null>): Promise<Names> {
  const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
  const people = await deps.store.people.getMany(wanted);
  return new Map(people.map((p) => [p.id, p.name]));
}

const ref = (id: string, names: Names): PointsPersonRef => ({ id, name: names.get(id) ?? '已注销的用户' });

export function entryView(e: PointsEntry, names: Names): PointsEntryView {
  return {
    id: e.id,
    person: ref(e.personId, names),
    points: e.points,
    reason: e.reason,
    kind: e.source.kind,
    kindLabel: POINTS_SOURCE_LABEL[e.source.kind],
    grantedBy: e.grantedBy ? ref(e.grantedBy, names) : null,
    at: e.at,
    balanceAfter: e.balanceAfter,
  };
}

export async function entryViews(deps: Deps, entries: readonly PointsEntry[]): Promise<PointsEntryView[]> {
  const names = await namesOf(deps, entries.flatMap((e) => [e.personId, e.grantedBy]));
  return entries.map((e) => entryView(e, names));
}

/** The units on the paths (for trails), by id. */
export async function unitsOnPaths(deps: Deps, paths: readonly string[]): Promise<Map<string, Unit>> {
  const ids = [...new Set(paths.flatMap(ancestorIds))];
  return new Map((await deps.store.units.getMany(ids)).map((u) => [u.id, u]));
}

/** `rules`: the record's community's rules now, for what a pending record would grant. */
export function serviceRecordView(r: ServiceRecord, names: Names, units: ReadonlyMap<string, Unit>, rules: PointsRules | null): ServiceRecordView {
  return {
    id: r.id,
    version: r.version,
    person: ref(r.personId, names),
    trail: trailOf({ path: r.unitPath }, units),
    what: r.what,
    date: r.date,
    minutes: r.minutes,
    forWhom: r.forWhom,
    status: r.status,
    statusLabel: SERVICE_RECORD_STATUS_LABEL[r.status],
    points: r.points,
    pointsIfConfirmed: r.status === 'pending' && rules ? pointsFor(rules, 'service', r.minutes) : null,
    decidedBy: r.decidedBy ? ref(r.decidedBy, names) : null,
    decidedAt: r.decidedAt,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt,
  };
}

export function goodsView(g: Goods): GoodsView {
  return {
    id: g.id,
    version: g.version,
    name: g.name,
    description: g.description,
    price: g.price,
    stock: g.stock,
    picture: g.picture,
    status: g.status,
    statusLabel: GOODS_STATUS_LABEL[g.status],
  };
}

export function redemptionView(r: Redemption, names: Names): RedemptionView {
  return {
    id: r.id,
    goodsId: r.goodsId,
    goodsName: r.goodsName,
    price: r.price,
    person: ref(r.personId, names),
    status: r.status,
    statusLabel: REDEMPTION_STATUS_LABEL[r.status],
    orderedAt: r.orderedAt,
    collectedAt: r.collectedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
  };
}

export async function redemptionViews(deps: Deps, rs: readonly Redemption[]): Promise<RedemptionView[]> {
  const names = await namesOf(deps, rs.map((r) => r.personId));
  return rs.map((r) => redemptionView(r, names));
}

/** Records as the lists show them, each pending one with what it would grant under its community's rules now. */
export async function serviceRecordViews(deps: Deps, records: readonly ServiceRecord[], loadRules: (communityId: string) => Promise<PointsRules>): Promise<ServiceRecordView[]> {
  const names = await namesOf(deps, records.flatMap((r) => [r.personId, r.decidedBy]));
  const units = await unitsOnPaths(deps, records.map((r) => r.unitPath));
  const rules = new Map<string, PointsRules>();
  for (const c of new Set(records.filter((r) => r.status === 'pending').map((r) => r.communityId))) rules.set(c, await loadRules(c));
  return records.map((r) => serviceRecordView(r, names, units, rules.get(r.communityId) ?? null));
}
