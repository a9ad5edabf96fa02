import { DomainError, ROLE_PERMISSIONS, mayBindPerson, peopleScope, scopeRoots, viewPerson, type Person } from '../../../src/core';
import * as schemas from '../../../src/core/schemas/people';
import { hashPassword } from '../auth/passwords';
import { audit, bindingsOf } from './common';
import { personAction, type FunctionDef } from './define';
import { resetPassword } from './password-reset';
import { copyOwnData, ownData } from './own-data';
import { correctName, correctPhone } from './own-data/correct';
import { setConsent } from './own-data/consent';
import { askToLeave, leave } from './own-data/leave';

export const people: FunctionDef = {
  search: personAction(schemas.people.search, async (ctx, input) => {
    const { roots, unplaced } = peopleScope(ctx.caller.bindings);
    if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
    const found = await ctx.deps.store.people.search(
      input.q ?? '',
      roots.map((r) => r.path),
      input.limit ?? 20,
      { unplaced },
    );
    return found.map(viewPerson);
  }),

  create: personAction(schemas.people.create, async (ctx, input) => {
    const roots = scopeRoots(ctx.caller.bindings, 'person.manage');
    if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
    if (input.username && (await ctx.deps.store.people.findByUsername(input.username)))
      throw new DomainError('INPUT.INVALID', '这个账号已被使用，请换一个', 'username');
    const now = ctx.deps.clock.now();
    // Created in the caller's top staff unit: found there, and from above, until bound somewhere.
    const person: Person = {
      id: ctx.deps.ids.next('per'),
      name: input.name,
      phone: input.phone ?? null,
      username: input.username ?? null,
      openid: null,
      demo: false,
      createdInUnitId: roots[0].id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.deps.store.people.insert(person, input.password ? await hashPassword(input.password) : null);
    // A new person is bound nowhere yet: the entry is scoped to the unit they were created in.
    await audit(ctx, 'people.create', 'person', person.id, { name: person.name }, roots[0].path);
    return viewPerson(person);
  }),

  resetPassword: personAction(schemas.people.resetPassword, resetPassword),

  /**
   * A phone changed hands: the WeChat user is no longer this person (their records stay theirs).
   * Staff who manage people, for a person in their reach; anyone else is as unknown as no one.
   */
  unbindWechat: personAction(schemas.people.unbindWechat, async (ctx, input) => {
    const { deps } = ctx;
    const managing = ctx.caller.bindings.filter((b) => (ROLE_PERMISSIONS[b.role] ?? []).includes('person.manage'));
    const roots = scopeRoots(managing, 'person.manage');
    if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
    const person = await deps.store.people.get(input.personId);
    const createdIn = person?.createdInUnitId ? await deps.store.units.get(person.createdInUnitId) : null;
    const homes = person ? await bindingsOf(deps, person.id) : [];
    if (!person || !mayBindPerson(managing, { homes, createdIn })) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
    if (!person.openid) throw new DomainError('INPUT.INVALID', `${person.name}没有绑定微信，不用解绑`, 'personId');
    const after = await deps.store.people.clearOpenid(person.id, deps.clock.now());
    if (!after) throw new DomainError('INPUT.INVALID', `${person.name}没有绑定微信，不用解绑`, 'personId');
    // Scoped where the caller reaches them: a home in their subtree, else where they were created.
    const home = homes.find((h) => roots.some((r) => h.unit.path.startsWith(r.path)));
    await audit(ctx, 'people.unbindWechat', 'person', person.id, { reason: input.reason }, home?.unit.path ?? createdIn?.path ?? roots[0].path);
    return viewPerson(after);
  }),

  ownData,
  copyOwnData,
  correctName,
  correctPhone,
  setConsent,
  askToLeave,
  leave,
};
