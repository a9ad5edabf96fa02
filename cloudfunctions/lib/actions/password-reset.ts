/**
 * Staff reset the password of a person who forgot theirs (or whose account is locked), and tell
 * them the new one in person. Every session of the person ends — whoever signed in with the old
 * password is out — and the account's sign-in lock is lifted.
 *
 * Who: staff who manage people, for a person in their reach (as for binding them: found where they
 * are bound, or where they were created); anyone else is as unknown as no one. A new password is
 * the person's account, so reach is not enough: each role the person holds must be one the caller
 * could grant where it is held, or community staff could sign in as their secretary, or as someone
 * bound in another community too.
 */
import { DomainError, ROLE_LABEL, ROLE_PERMISSIONS, canBind, mayBindPerson, scopeRoots, viewPerson, type Outputs } from '../../../src/core';
import { hashPassword } from '../auth/passwords';
import { audit, bindingsOf } from './common';
import type { AuthedContext } from './define';
import { liftAccountLock } from './sign-in-lock';

export async function resetPassword(ctx: AuthedContext, input: { personId: string; password: string }): Promise<Outputs['people']['resetPassword']> {
  const { deps } = ctx;
  const managing = ctx.caller.bindings.filter((b) => (ROLE_PERMISSIONS[b.role] ?? []).includes('person.manage'));
  const roots = scopeRoots(managing, 'person.manage');
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
  const person = await deps.store.people.get(input.personId);
  const createdIn = person?.createdInUnitId ? await deps.store.units.get(person.createdInUnitId) : null;
  const homes = person ? await bindingsOf(deps, person.id) : [];
  if (!person || !mayBindPerson(managing, { homes, createdIn })) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
  // One's own goes through 修改密码, which asks for the current one: a session left open must not reset it.
  if (person.id === ctx.caller.person.id) throw new DomainError('INPUT.INVALID', '您自己的密码请点右上角的姓名，选“修改密码”', 'personId');
  if (!person.username) throw new DomainError('INPUT.INVALID', `${person.name}没有网页登录账号，没有密码可以重置`, 'personId');
  const beyond = homes.find((h) => !canBind(managing, h.role, h.unit));
  if (beyond) {
    // A unit in the caller's reach may be named; one beyond it is not the caller's to learn of.
    const named = roots.some((r) => beyond.unit.path.startsWith(r.path)) ? await deps.store.units.get(beyond.unit.id) : null;
    throw new DomainError(
      'AUTH.FORBIDDEN',
      named
        ? `${person.name}是${named.name}的${ROLE_LABEL[beyond.role]}，您不能重置其密码；请上级工作人员重置`
        : `${person.name}在您管理的范围以外还有身份，您不能重置其密码；请上级工作人员重置`,
    );
  }

  const hash = await hashPassword(input.password);
  const now = deps.clock.now();
  const after = await deps.store.people.setPasswordHash(person.id, hash, now);
  if (!after) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
  const sessionsEnded = await deps.store.sessions.revokeAllFor(person.id, now);
  await liftAccountLock(deps, person.username);
  // Scoped where the caller reaches them: a home in their subtree, else where they were created. Never the password.
  const home = homes.find((h) => roots.some((r) => h.unit.path.startsWith(r.path)));
  await audit(ctx, 'people.resetPassword', 'person', person.id, { sessionsEnded }, home?.unit.path ?? createdIn?.path ?? roots[0].path);
  return { person: viewPerson(after), sessionsEnded };
}
