/**
 * An approver's queue: the pending check-ins of the units they approve for (their approval roots, or
 * one unit of them), oldest first, each with the whole phone, the people under the unit the applicant
 * may be, and the applicant's earlier check-ins (a returning member's history).
 */
import { CHECKIN_STATUS_LABEL, DomainError, checkinApprovalRoots, mayDecideCheckin, memberActionRefusal, type Checkin, type CheckinQueueItem } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import type { Deps } from '../../deps';
import { personAction, type FunctionDef } from '../define';
import { matchesFor } from './candidates';
import { checkinNames, checkinView, newestFirst, unitOfCheckin, type CheckinNames } from './views';

/** A queue longer than this is worked from the top. */
export const QUEUE_LIMIT = 200;
/** How many earlier check-ins of one applicant the queue shows. */
const EARLIER = 5;

/** The applicant's other check-ins, newest first. */
async function earlierOf(deps: Deps, c: Checkin): Promise<Checkin[]> {
  const lists = [...(c.applicantId ? [deps.store.checkins.listForPerson(c.applicantId)] : []), ...(c.openid ? [deps.store.checkins.listForOpenid(c.openid)] : [])];
  return newestFirst(await Promise.all(lists))
    .filter((x) => x.id !== c.id)
    .slice(0, EARLIER);
}

async function queueItem(deps: Deps, c: Checkin, names: CheckinNames): Promise<CheckinQueueItem> {
  const unit = unitOfCheckin(c, names.units);
  const [matches, earlier] = await Promise.all([matchesFor(deps, c, unit.path), earlierOf(deps, c)]);
  const earlierUnits = await deps.store.units.getMany([...new Set(earlier.map((x) => x.unitId))].filter((id) => !names.units.has(id)));
  const unitName = (id: string) => names.units.get(id)?.name ?? earlierUnits.find((u) => u.id === id)?.name ?? '';
  return {
    ...checkinView(c, names, 'whole'),
    matches: matches.map((p) => ({ id: p.id, name: p.name, phone: p.phone })),
    earlier: earlier.map((x) => ({ id: x.id, status: x.status, statusLabel: CHECKIN_STATUS_LABEL[x.status], unitName: unitName(x.unitId), at: x.updatedAt, reason: x.reason })),
  };
}

export const pending: FunctionDef = {
  pending: personAction(schemas.members.pending, async (ctx, input) => {
    const { deps, caller } = ctx;
    const roots = checkinApprovalRoots(caller.bindings);
    if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', memberActionRefusal(caller.bindings, 'decide'));
    let paths = roots.map((u) => u.path);
    if (input.unitId) {
      const unit = await deps.store.units.get(input.unitId);
      if (!unit || !mayDecideCheckin(caller.bindings, 'approve', unit)) throw new DomainError('AUTH.FORBIDDEN', '这个单位的党员报到不归您审核');
      paths = [unit.path];
    }
    const checkins = await deps.store.checkins.listPending(paths, QUEUE_LIMIT);
    const names = await checkinNames(deps, checkins);
    return { checkins: await Promise.all(checkins.map((c) => queueItem(deps, c, names))) };
  }),
};
