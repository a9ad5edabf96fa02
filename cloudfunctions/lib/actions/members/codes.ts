/**
 * Each check-in point's member code, with its scans and its check-ins by status: the codes made on
 * the unit and on every compound and community under it. Codes are listed as the codes function
 * lists them (codeView), for those who make member codes there (MAKES_CODES).
 */
import { CHECKIN_STATUSES, CHECKIN_UNIT_KINDS, DomainError, mayMakeCode, memberActionRefusal, type CheckinStatus, type MemberCodeView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { loadUnit } from '../common';
import { codeNames, codeView, trailOf, unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { CHECKIN_PURPOSES } from './way-in';

/** More than a check-in point ever holds in use; the oldest beyond it are left off (as codes.list). */
const CODES_PER_POINT = 200;

const none = (): Record<CheckinStatus, number> => Object.fromEntries(CHECKIN_STATUSES.map((s) => [s, 0])) as Record<CheckinStatus, number>;

export const codes: FunctionDef = {
  codes: personAction(schemas.members.codes, async (ctx, input) => {
    const { deps } = ctx;
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    if (!mayMakeCode(ctx.caller.bindings, 'member', unit)) throw new DomainError('AUTH.FORBIDDEN', memberActionRefusal(ctx.caller.bindings, 'codes'));
    const points = (await deps.store.units.listSubtree(unit.path, { includeArchived: true })).filter((u) => CHECKIN_UNIT_KINDS.includes(u.kind));
    const [lists, tally] = await Promise.all([
      Promise.all(points.map((u) => deps.store.codes.listForUnit(u.id, { purposes: CHECKIN_PURPOSES, limit: CODES_PER_POINT }))),
      deps.store.checkins.tally([unit.path]),
    ]);
    const found = lists.flat().sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    const byCode = new Map<string, Record<CheckinStatus, number>>();
    for (const row of tally) {
      if (!byCode.has(row.codeId)) byCode.set(row.codeId, none());
      byCode.get(row.codeId)![row.status] += row.count;
    }
    const names = await codeNames(deps, found, [unit, ...points]);
    const now = deps.clock.now();
    return {
      unit: unitRef(unit),
      trail: trailOf(unit, names.units),
      codes: found.map((c): MemberCodeView => ({ ...codeView(c, names, now), checkins: byCode.get(c.id) ?? none() })),
    };
  }),
};
