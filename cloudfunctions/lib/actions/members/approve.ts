/**
 * Approving a check-in (审核通过), by the compound's branch secretary or the community secretary: the
 * member role is bound on the unit in the same atomic write as the status. Who becomes the member:
 * the person the approver picked (someone under the unit with the same phone nobody signs in as),
 * else the person they are already (they checked in as a person, or their WeChat is someone's
 * now), else a new person with their name, phone and WeChat. They are told.
 */
import { CHECKIN_ROLE, DomainError, checkinTransition, type Binding, type Checkin, type CheckinView, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import type { ApplicantPerson, CheckinApprovalResult } from '../../store/port';
import { trailOf } from '../codes/views';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { newPersonFrom, personIdOf } from '../registration/approval';
import { tell } from '../registration/notices';
import { checkinAudit, demandDecider, demandStep, loadCheckin, stepRefusal, unitOf } from './access';
import { samePhoneUnder } from './candidates';
import { memberNotice } from './notices';
import { checkinNames, checkinView } from './views';

/** Whom approving binds the member role to. */
async function whoBecomes(ctx: AuthedContext, c: Checkin, unit: Unit, personId: string | null | undefined): Promise<ApplicantPerson> {
  const { deps } = ctx;
  if (personId) {
    if (c.applicantId) throw new DomainError('INPUT.INVALID', '报到人已经在系统里了，通过后就是本人，不能再选别人', 'personId');
    if (!(await samePhoneUnder(deps, c, unit.path)).some((p) => p.id === personId))
      throw new DomainError('INPUT.INVALID', `只能选 ${unit.name} 里手机号相同、还没绑定微信的人`, 'personId');
    return { kind: 'claim', personId };
  }
  if (c.applicantId) return { kind: 'existing', personId: c.applicantId };
  // A WeChat user nobody knew when they checked in may have registered since: they are that person.
  const now = c.openid ? await deps.store.people.findByOpenid(c.openid) : null;
  if (now) return { kind: 'existing', personId: now.id };
  return newPersonFrom(deps, { ...c, username: null, passwordHash: null }, unit);
}

async function refusal(ctx: AuthedContext, c: Checkin, result: Exclude<CheckinApprovalResult, { ok: true }>): Promise<DomainError> {
  switch (result.reason) {
    case 'conflict':
      return stepRefusal(ctx.deps, c.id, 'approve');
    case 'taken':
      return new DomainError('CHECKIN.PERSON_TAKEN', undefined, 'personId');
    case 'login_taken':
      return new DomainError('CHECKIN.ACCOUNT_EXISTS');
  }
}

export const approve: FunctionDef = {
  approve: personAction(schemas.members.approve, async (ctx, input): Promise<CheckinView> => {
    const { deps } = ctx;
    const c = await loadCheckin(deps, input.id);
    const unit = await unitOf(deps, c);
    demandDecider(ctx, 'approve', c, unit);
    demandStep(c, 'approve', input.version);
    if (!unit || unit.archived) throw new DomainError('UNIT.ARCHIVED', `${unit?.name ?? '这个单位'}已不再使用，请退回这份报到并说明原因`);
    const person = await whoBecomes(ctx, c, unit, input.personId);
    const personId = personIdOf(person);
    const at = deps.clock.now();
    const by = ctx.caller.person.id;
    const binding: Binding = { id: deps.ids.next('bnd'), personId, unitId: unit.id, role: CHECKIN_ROLE, createdAt: at, createdBy: by };
    const next = checkinTransition(c, 'approve', { at, by, personId });
    const result = await deps.store.checkins.approve({ next, version: c.version, person, binding });
    if (!result.ok) throw await refusal(ctx, c, result);

    const approved = result.checkin;
    await deps.store.audit.append(checkinAudit(ctx, 'checkin.approve', approved, { personId, as: person.kind }, unit));
    const names = await checkinNames(deps, [approved], [unit]);
    await tell(deps, [memberNotice(personId, 'approve', approved, trailOf(unit, names.units))], ctx.requestId);
    return checkinView(approved, names, 'whole');
  }),
};
