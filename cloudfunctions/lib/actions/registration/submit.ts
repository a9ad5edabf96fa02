/**
 * Registering (注册): public, since the applicant is not a person yet. Everything is checked before
 * anything is written (the code or the group, the phone, a web account's password and name); then
 * one use of the code is taken (none from a group) and the pending registration inserted — a
 * second submit by the same applicant answers their pending one and writes nothing, and a use taken
 * for a submit that lost that race is given back. A WeChat applicant with a code who can only be
 * one person is approved at once; everyone else (everyone from a group) waits in the building's
 * queue, and its approvers are told.
 */
import { DomainError, REGISTRATION_SUBMIT_LIMIT, type Registration, type Submitted } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import { hashPassword } from '../../auth/passwords';
import { resolvePerson } from '../../identity';
import { describeMe } from '../me';
import { giveBackCodeUse, takeCodeUse } from '../codes/use';
import { publicAction, type ActionContext, type FunctionDef } from '../define';
import { takeTry } from '../tries';
import { registrationAudit } from './access';
import { applicantFields, applicantOf, demandNotResident, pendingOf, type Applicant } from './applicant';
import { approvalOf } from './approval';
import { JOIN_PURPOSES, demandOneWayIn, evidentPerson, wayIn, type Evident } from './joining';
import { approvedNotice, approversOf, pendingNotices, tell } from './notices';
import { demandPhone, phoneOf } from './phone';
import { registrationUnits, registrationView } from './views';
import { trailOf } from '../codes/views';

/** A new web account: the phone is its sign-in name, so it must not be one already; a password is required. */
async function webAccount(ctx: ActionContext, a: Applicant, phone: string, password: string | undefined): Promise<Partial<Pick<Registration, 'username' | 'passwordHash'>>> {
  if (a.kind !== 'web') return {};
  if (!password) throw new DomainError('REGISTRATION.NEEDS_PASSWORD', undefined, 'password');
  if (await ctx.deps.store.people.findByUsername(phone)) throw new DomainError('REGISTRATION.ACCOUNT_EXISTS', undefined, 'phone');
  return { username: phone, passwordHash: await hashPassword(password) };
}

/** The applicant's pending registration (an earlier submit, or one racing this): answered as it is, nothing new. */
async function existing(ctx: ActionContext, r: Registration): Promise<Submitted> {
  return { registration: registrationView(r, await registrationUnits(ctx.deps, [r])), created: false, key: null, me: null };
}

/** Approves at once the applicant who can only be `evident`; null when the store says someone else won them first. */
async function approveEvident(ctx: ActionContext, r: Registration, evident: Evident): Promise<Registration | null> {
  const { deps } = ctx;
  const building = { id: r.buildingId };
  const result = await deps.store.registrations.approve(approvalOf(deps, r, building, { kind: 'claim', personId: evident.personId }, null, evident.why));
  if (!result.ok) return null;
  await deps.store.audit.append(registrationAudit(ctx, 'registration.approve', result.registration, { personId: evident.personId, autoApproved: evident.why }));
  return result.registration;
}

export const submit: FunctionDef = {
  submit: publicAction(schemas.registration.submit, async (ctx, input): Promise<Submitted> => {
    const { deps } = ctx;
    demandOneWayIn(input);
    // Before anything else: a caller cannot fill a building's queue, nor try phone codes without end.
    await takeTry(ctx, 'registration.submit', REGISTRATION_SUBMIT_LIMIT, 'REGISTRATION.TOO_MANY');
    const a = applicantOf(ctx, input.key);
    const pending = await pendingOf(deps, a);
    if (pending) return existing(ctx, pending);

    // Everything that can be refused, before anything is spent or written.
    const way = await wayIn(ctx, input, a);
    const { code, building } = way;
    demandNotResident(a, building.id);
    demandPhone(ctx, input);
    // A web applicant has no WeChat code (demandPhone): their phone is typed, and nothing is spent yet.
    const account = await webAccount(ctx, a, input.phone ?? '', input.password);
    // Trading WeChat's phone code spends it: the last check.
    const phone = await phoneOf(ctx, input);
    // From a group, a person always decides (src/core/registrations.ts).
    const evident = code ? await evidentPerson(deps, a, code, building, phone, input.name) : null;

    const now = deps.clock.now();
    const draft: Registration = {
      id: deps.ids.next('reg'),
      status: 'pending',
      ...applicantFields(a),
      passwordHash: null,
      ...account,
      codeId: code?.id ?? null,
      codePurpose: (code?.purpose ?? null) as Registration['codePurpose'],
      buildingId: building.id,
      buildingPath: building.path,
      door: input.door,
      name: input.name,
      phone: phone.phone,
      phoneVerified: phone.verified,
      personId: code?.purpose === 'personal' ? code.personId : (evident?.personId ?? null),
      autoApproved: null,
      decidedBy: null,
      decidedAt: null,
      rejectReason: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };

    if (code) await takeCodeUse(deps, code.id, { purposes: JOIN_PURPOSES, personId: a.kind === 'person' ? a.person.id : null });
    const inserted = await deps.store.registrations.insertPending(draft);
    if (!inserted.created) {
      // Another submit by the same applicant got there first: theirs stands, this use goes back.
      if (code) await giveBackCodeUse(deps, code.id);
      return existing(ctx, inserted.registration);
    }
    const r = inserted.registration;
    const via = code ? { codeId: code.id } : { codeId: null, group: way.group };
    await deps.store.audit.append(registrationAudit(ctx, 'registration.submit', r, { ...via, phoneVerified: r.phoneVerified }, building));
    const key = a.kind === 'web' ? a.newKey : null;
    const units = await registrationUnits(deps, [r], [building]);
    const trail = trailOf(building, units);

    const approved = evident ? await approveEvident(ctx, r, evident) : null;
    if (approved) {
      await tell(deps, [approvedNotice(evident!.personId, approved, trail)], ctx.requestId);
      const person = await deps.store.people.get(evident!.personId);
      const me = person ? await describeMe(deps, await resolvePerson(deps, person, 'openid', null)) : null;
      return { registration: registrationView(approved, units), created: true, key, me };
    }
    // Pending (also when a racing registration won the resident first): the building's approvers decide.
    await tell(deps, pendingNotices(await approversOf(deps, r, units), r, trail), ctx.requestId);
    return { registration: registrationView(r, units), created: true, key, me: null };
  }),
};
