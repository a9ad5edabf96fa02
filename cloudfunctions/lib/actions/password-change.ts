/**
 * A person changes their own password. The current one is checked first, and counted against the
 * sign-in lock: a session left open on a shared computer must not become a way to guess it. The
 * person's other sessions end (wherever else they were signed in, perhaps by whoever knew the old
 * password); the one they changed it from stays.
 */
import { DomainError, type Outputs } from '../../../src/core';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { audit } from './common';
import type { AuthedContext } from './define';
import { takePasswordTry, triesLeftNote } from './sign-in-lock';

export async function changePassword(ctx: AuthedContext, input: { current: string; next: string }): Promise<Outputs['auth']['changePassword']> {
  const { store, clock } = ctx.deps;
  const { person } = ctx.caller;
  // A WeChat user without a web account has no password to change (and no account to lock).
  if (!person.username) throw new DomainError('INPUT.INVALID', '您没有网页登录账号，没有密码可以修改', 'current');

  const attempt = await takePasswordTry(ctx, person.username);
  if (!(await verifyPassword(input.current, await store.people.passwordHash(person.id))))
    return attempt.wrong((left) => new DomainError('INPUT.INVALID', `现在的密码不对${triesLeftNote(left)}`, 'current'));
  await attempt.right();

  const hash = await hashPassword(input.next);
  const now = clock.now();
  if (!(await store.people.setPasswordHash(person.id, hash, now))) throw new DomainError('PERSON.NOT_FOUND');
  const sessionsEnded = await store.sessions.revokeAllFor(person.id, now, ctx.caller.sessionId ?? undefined);
  // Never the password: only that it changed, and how many sessions ended.
  await audit(ctx, 'auth.changePassword', 'person', person.id, { sessionsEnded }, ctx.caller.bindings[0]?.unit.path ?? null);
  return { changed: true, sessionsEnded };
}
