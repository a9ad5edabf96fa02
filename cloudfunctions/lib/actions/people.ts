import { DomainError, peopleScope, scopeRoots, viewPerson, type Person } from '../../../src/core';
import * as schemas from '../../../src/core/schemas/people';
import { hashPassword } from '../auth/passwords';
import { audit } from './common';
import { personAction, type FunctionDef } from './define';

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
};
