/**
 * Pairings counted per member and per kind under a unit (a community, a compound, a grid): the
 * households paired now, their visits and the visits that filed a report. Per kind only for those
 * who read kinds (the branch secretary, community staff); a grid lead sees the members' counts.
 */
import { mayWriteKinds, type Pairing, type PairingCounts, type PairingKindRow, type PairingMemberRow } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/pairings';
import { codeNames, trailOf, unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { readableUnits } from './scope';
import { pairingNames } from './views';

/** Enough for every pairing and visit of a community; a bigger area is counted from its communities. */
const MOST = 50_000;

const later = (a: string | null, b: string | null) => (a && (!b || a > b) ? a : b);

export const counts: FunctionDef = {
  counts: personAction(schemas.pairings.counts, async (ctx, input) => {
    const { deps } = ctx;
    const [unit] = await readableUnits(ctx, input.unitId);
    const [{ pairings }, { visits }] = await Promise.all([
      deps.store.pairings.list({ paths: [unit.path], statuses: ['active'] }, MOST, 0),
      deps.store.pairings.listVisits({ paths: [unit.path] }, MOST, 0),
    ]);
    const reportsOf = new Map<string, number>();
    for (const v of visits) if (v.reportId) reportsOf.set(v.pairingId, (reportsOf.get(v.pairingId) ?? 0) + 1);

    const byMember = new Map<string, Pairing[]>();
    for (const p of pairings) byMember.set(p.memberId, [...(byMember.get(p.memberId) ?? []), p]);
    const names = await pairingNames(deps, pairings);
    const members: PairingMemberRow[] = [...byMember.entries()]
      .map(([memberId, ps]) => ({
        member: { id: memberId, name: names.names.people.get(memberId)?.name ?? '（已注销）' },
        households: ps.length,
        visits: ps.reduce((n, p) => n + p.visits, 0),
        reports: ps.reduce((n, p) => n + (reportsOf.get(p.id) ?? 0), 0),
        lastVisitOn: ps.reduce<string | null>((d, p) => later(p.lastVisitOn, d), null),
      }))
      .sort((a, b) => b.households - a.households || a.member.name.localeCompare(b.member.name, 'zh-Hans-CN'));

    let kinds: PairingKindRow[] | null = null;
    if (mayWriteKinds(ctx.caller.bindings, unit)) {
      const byKind = new Map<string, PairingKindRow>();
      for (const p of pairings)
        for (const k of p.kinds) {
          const row = byKind.get(k) ?? { kind: k, households: 0, visits: 0 };
          row.households += 1;
          row.visits += p.visits;
          byKind.set(k, row);
        }
      kinds = [...byKind.values()].sort((a, b) => b.households - a.households || a.kind.localeCompare(b.kind, 'zh-Hans-CN'));
    }
    // A household paired with two members is one household.
    const households = new Set(pairings.map((p) => p.householdKey)).size;
    const above = await codeNames(deps, [], [unit]);
    return {
      unit: unitRef(unit),
      trail: trailOf(unit, above.units),
      members,
      kinds,
      total: { members: members.length, households, visits: members.reduce((n, m) => n + m.visits, 0), reports: members.reduce((n, m) => n + m.reports, 0) },
    } satisfies PairingCounts;
  }),
};
