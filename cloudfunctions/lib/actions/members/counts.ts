/**
 * Members counted by type per unit (直管 32, 在职 139, 离退休 56, 流动 34; 退役军人 27): each compound
 * under the unit, and the community itself for its 直管 members, with a total. Numbers only, so the
 * street sees them too (SEES_MEMBER_COUNTS). Without a unit: the caller's first top unit.
 */
import { CHECKIN_UNIT_KINDS, addToTally, ancestorIds, emptyTally, type MemberCountRow, type MemberTally, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { codeNames, trailOf, unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { readableUnits } from './scope';

/** The community before its compounds, compounds in the order they were made. */
const treeOrder = (a: Unit, b: Unit) => ancestorIds(a.path).length - ancestorIds(b.path).length || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export const counts: FunctionDef = {
  counts: personAction(schemas.members.counts, async (ctx, input) => {
    const { deps } = ctx;
    const [unit] = await readableUnits(ctx, 'counts', input.unitId);
    const [below, tally] = await Promise.all([deps.store.units.listSubtree(unit.path, { includeArchived: true }), deps.store.checkins.tally([unit.path])]);
    const byUnit = new Map<string, MemberTally>();
    const total = emptyTally();
    for (const row of tally) {
      if (row.status !== 'approved') continue;
      if (!byUnit.has(row.unitId)) byUnit.set(row.unitId, emptyTally());
      addToTally(byUnit.get(row.unitId)!, row.memberType, row.veteran, row.count);
      addToTally(total, row.memberType, row.veteran, row.count);
    }
    // Every live check-in point's unit, and any other that still has members (archived since).
    const shown = below.filter((u) => CHECKIN_UNIT_KINDS.includes(u.kind) && (!u.archived || byUnit.has(u.id))).sort(treeOrder);
    const names = await codeNames(deps, [], [unit, ...below]);
    const rowOf = (u: Unit): MemberCountRow => ({ unit: unitRef(u), trail: trailOf(u, names.units), ...(byUnit.get(u.id) ?? emptyTally()) });
    return { unit: unitRef(unit), trail: trailOf(unit, names.units), rows: shown.map(rowOf), total };
  }),
};
