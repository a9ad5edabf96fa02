/**
 * Checking in (报到): public, since a member may be a WeChat user nobody knows yet. Everything is
 * checked before anything is written (the code, who they are, their household, the phone — a WeChat
 * phone code last, since trading it spends it); then one use of the code is taken and the pending
 * check-in inserted. A second check-in by the same member answers their pending one and writes
 * nothing, and a use taken for a submit that lost that race is given back. The unit's approvers are told.
 */
import { CHECKIN_SUBMIT_LIMIT, normaliseTags, type Checkin } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { giveBackCodeUse, takeCodeUse } from '../codes/use';
import { trailOf } from '../codes/views';
import { publicAction, type ActionContext, type FunctionDef } from '../define';
import { phoneOf } from '../registration/phone';
import { tell } from '../registration/notices';
import { takeTry } from '../tries';
import { checkinAudit } from './access';
import { applicantFields, applicantOf, demandNotMember, pendingOf } from './applicant';
import { approversOf, pendingNotices } from './notices';
import { checkinNames, checkinView } from './views';
import { CHECKIN_PURPOSES, codeToCheckIn, householdIn } from './way-in';

/** The member's pending check-in (an earlier submit, or one racing this): answered as it is, nothing new. */
async function existing(ctx: ActionContext, c: Checkin) {
  return { checkin: checkinView(c, await checkinNames(ctx.deps, [c]), 'masked'), created: false };
}

export const submit: FunctionDef = {
  submit: publicAction(schemas.members.submit, async (ctx, input) => {
    const { deps } = ctx;
    // Before anything else: a caller cannot fill a branch's queue, nor try phone codes without end.
    await takeTry(ctx, 'members.submit', CHECKIN_SUBMIT_LIMIT, 'CHECKIN.TOO_MANY');
    const a = applicantOf(ctx);
    const pending = await pendingOf(deps, a);
    if (pending) return existing(ctx, pending);

    // Everything that can be refused, before anything is spent or written.
    const { code, unit } = await codeToCheckIn(deps, input.codeId);
    await demandNotMember(deps, a, unit);
    const household = await householdIn(deps, unit, input.household);
    // Trading WeChat's phone code spends it: the last check.
    const phone = await phoneOf(ctx, input);

    const now = deps.clock.now();
    const fields = applicantFields(a);
    const draft: Checkin = {
      id: deps.ids.next('chk'),
      status: 'pending',
      ...fields,
      codeId: code.id,
      unitId: unit.id,
      unitPath: unit.path,
      name: input.name,
      phone: phone.phone,
      phoneVerified: phone.verified,
      memberType: input.memberType,
      branch: { name: input.branch.name, place: input.branch.place ?? null },
      workUnit: input.workUnit ?? null,
      skills: normaliseTags(input.skills ?? []),
      services: normaliseTags(input.services ?? []),
      freeTime: input.freeTime ?? null,
      veteran: input.veteran ?? false,
      household,
      personId: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      history: [{ status: 'pending', at: now, by: fields.applicantId, reason: null, date: null }],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };

    await takeCodeUse(deps, code.id, { purposes: CHECKIN_PURPOSES });
    const inserted = await deps.store.checkins.insertPending(draft);
    if (!inserted.created) {
      // Another submit by the same member got there first: theirs stands, this use goes back.
      await giveBackCodeUse(deps, code.id);
      return existing(ctx, inserted.checkin);
    }
    const c = inserted.checkin;
    await deps.store.audit.append(checkinAudit(ctx, 'checkin.submit', c, { codeId: code.id, memberType: c.memberType, phoneVerified: c.phoneVerified }, unit));
    const names = await checkinNames(deps, [c], [unit]);
    await tell(deps, pendingNotices(await approversOf(deps, c, names.units), c, trailOf(unit, names.units)), ctx.requestId);
    return { checkin: checkinView(c, names, 'masked'), created: true };
  }),
};
