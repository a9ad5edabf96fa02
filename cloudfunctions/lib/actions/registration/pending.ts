/**
 * An approver's queue: the pending registrations of the buildings they approve for (their approval
 * roots, or one unit of them), oldest first, each with the whole phone, the residents the applicant
 * may be, why this applicant was turned away before, and who they are if they are a person already.
 */
import { DomainError, approvalRoots, mayApproveRegistration, type Person, type Registration } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import type { Deps } from '../../deps';
import { personAction, type FunctionDef } from '../define';
import { candidatesFor } from './candidates';
import { queueItem, registrationUnits } from './views';

/** A queue longer than this is worked from the top. */
export const QUEUE_LIMIT = 200;
/** How many earlier rejections of one applicant the queue shows. */
const PAST = 5;

async function rejectedBefore(deps: Deps, regs: readonly Registration[]): Promise<Map<string, Registration[]>> {
  const out = new Map<string, Registration[]>();
  await Promise.all(
    regs.map(async (r) => {
      out.set(r.id, r.openid || r.username ? await deps.store.registrations.listRejectedFor({ openid: r.openid, username: r.username }, PAST) : []);
    }),
  );
  return out;
}

export const pending: FunctionDef = {
  pending: personAction(schemas.registration.pending, async (ctx, input) => {
    const { deps, caller } = ctx;
    const roots = approvalRoots(caller.bindings);
    if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', '您不审核居民登记');
    let paths = roots.map((u) => u.path);
    if (input.unitId) {
      const unit = await deps.store.units.get(input.unitId);
      if (!unit || !mayApproveRegistration(caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', '这个单位的登记不归您审核');
      paths = [unit.path];
    }
    const regs = await deps.store.registrations.listPending(paths, QUEUE_LIMIT);
    const applicantIds = [...new Set(regs.map((r) => r.applicantId).filter((id): id is string => !!id))];
    const [units, candidates, past, applicants] = await Promise.all([
      registrationUnits(deps, regs),
      candidatesFor(deps, regs),
      rejectedBefore(deps, regs),
      applicantIds.length ? deps.store.people.getMany(applicantIds) : Promise.resolve([] as Person[]),
    ]);
    const byId = new Map(applicants.map((p) => [p.id, p]));
    return {
      registrations: regs.map((r) =>
        queueItem(r, units, { matches: candidates.get(r.id) ?? [], rejectedBefore: past.get(r.id) ?? [], applicant: r.applicantId ? (byId.get(r.applicantId) ?? null) : null }),
      ),
    };
  }),
};
