/**
 * Approving (审核通过), by the building's lead or staff above it: the applicant becomes a resident of
 * the building with their door, in one atomic write of the store. Who they become: the resident the
 * approver picked (one the applicant may be: an unclaimed resident of the building with the same
 * phone, or the personal code's person), else the person they are already (another household), else
 * a new person with their name, phone and login. They are told: they are a person now.
 */
import { DomainError, type Registration, type RegistrationView, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import type { Approval, ApprovalResult } from '../../store/port';
import { trailOf } from '../codes/views';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { buildingOf, decisionRefusal, demandApprover, demandUndecided, loadRegistration, registrationAudit } from './access';
import { approvalOf, newPersonFrom, personIdOf } from './approval';
import { mayBecome } from './candidates';
import { approvedNotice, tell } from './notices';
import { registrationUnits, registrationView } from './views';

/** Whom approving binds the applicant to. */
async function whoBecomes(ctx: AuthedContext, r: Registration, building: Unit, personId: string | null | undefined): Promise<Approval['person']> {
  if (personId) {
    if (r.applicantId) throw new DomainError('INPUT.INVALID', '申请人已经是居民了，通过后就是本人，不能再选别人', 'personId');
    if (!(await mayBecome(ctx.deps, r)).has(personId)) throw new DomainError('INPUT.INVALID', '只能选这栋楼里手机号相同、还没绑定微信或账号的居民，或个人码对应的人', 'personId');
    return { kind: 'claim', personId };
  }
  if (r.applicantId) return { kind: 'existing', personId: r.applicantId };
  return newPersonFrom(ctx.deps, r, building);
}

async function refusal(ctx: AuthedContext, r: Registration, result: Exclude<ApprovalResult, { ok: true }>): Promise<DomainError> {
  switch (result.reason) {
    case 'conflict':
      return decisionRefusal(ctx.deps, r.id);
    case 'taken':
      return new DomainError('REGISTRATION.PERSON_TAKEN', undefined, 'personId');
    case 'login_taken':
      return new DomainError('REGISTRATION.ACCOUNT_EXISTS', r.openid ? '这个微信已经绑定了别的居民；如果手机换了人，请先在人员管理里解绑' : undefined);
  }
}

export const approve: FunctionDef = {
  approve: personAction(schemas.registration.approve, async (ctx, input): Promise<RegistrationView> => {
    const { deps } = ctx;
    const r = await loadRegistration(deps, input.id);
    const building = await buildingOf(deps, r);
    demandApprover(ctx, r, building);
    demandUndecided(r, input.version);
    if (!building || building.archived) throw new DomainError('UNIT.ARCHIVED', '这栋楼已不再使用，请驳回这份登记并说明原因');
    const person = await whoBecomes(ctx, r, building, input.personId);
    const result = await deps.store.registrations.approve(approvalOf(deps, r, building, person, ctx.caller.person.id, null));
    if (!result.ok) throw await refusal(ctx, r, result);

    const approved = result.registration;
    const personId = personIdOf(person);
    await deps.store.audit.append(registrationAudit(ctx, 'registration.approve', approved, { personId, as: person.kind }, building));
    const units = await registrationUnits(deps, [approved], [building]);
    await tell(deps, [approvedNotice(personId, approved, trailOf(building, units))], ctx.requestId);
    return registrationView(approved, units);
  }),
};
