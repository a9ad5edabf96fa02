/**
 * Who is calling. In the mini-program the platform injects the caller's OPENID; on the web the
 * caller presents a session token. An openid inside the event is never believed.
 */
import { DomainError, type Person } from '../../src/core';
import { newSecret, sha256, tokenIsSigned } from './auth/tokens';
import type { Caller, CallerBinding } from './actions/define';
import type { Deps } from './deps';

/** What the entry point knows about the caller before any lookup. */
export interface Credentials {
  /** From the platform (getCloudbaseContext(context).WX_OPENID), never from the event body. */
  openid?: string | null;
  /** A bearer token from the Authorization header (server) or the event (cloud HTTP access). */
  token?: string | null;
}

const secrets = new WeakMap<Deps, Promise<string>>();

/** The HMAC secret for session tokens: JINLIN_SECRET if set, else one generated once and kept with the data. */
export function sessionSecret(deps: Deps): Promise<string> {
  let s = secrets.get(deps);
  if (!s) {
    s = process.env.JINLIN_SECRET ? Promise.resolve(process.env.JINLIN_SECRET) : deps.store.meta.setIfAbsent('session_secret', newSecret());
    secrets.set(deps, s);
  }
  return s;
}

export async function resolvePerson(deps: Deps, person: Person, via: Caller['via'], sessionId: string | null): Promise<Caller> {
  const bindings = await deps.store.bindings.listForPerson(person.id);
  const units = new Map((await deps.store.units.getMany([...new Set(bindings.map((b) => b.unitId))])).map((u) => [u.id, u]));
  const resolved: CallerBinding[] = [];
  for (const b of bindings) {
    const unit = units.get(b.unitId);
    if (unit) resolved.push({ role: b.role, unit, binding: b });
  }
  return { person, bindings: resolved, via, sessionId };
}

/**
 * Resolves credentials to a caller. Returns null when none were presented; throws a DomainError
 * when credentials were presented but are not good (so a bad token is never treated as anonymous).
 */
export async function resolveCaller(deps: Deps, cred: Credentials): Promise<Caller | null> {
  if (cred.token) {
    if (!tokenIsSigned(await sessionSecret(deps), cred.token)) throw new DomainError('AUTH.TOKEN_INVALID');
    const session = await deps.store.sessions.findByTokenHash(sha256(cred.token));
    if (!session) throw new DomainError('AUTH.TOKEN_INVALID');
    if (session.revokedAt !== null) throw new DomainError('AUTH.TOKEN_REVOKED');
    if (session.expiresAt <= deps.clock.now()) throw new DomainError('AUTH.TOKEN_EXPIRED');
    const person = await deps.store.people.get(session.personId);
    if (!person) throw new DomainError('AUTH.TOKEN_INVALID');
    return resolvePerson(deps, person, 'token', session.id);
  }
  if (cred.openid) {
    const person = await deps.store.people.findByOpenid(cred.openid);
    if (!person) throw new DomainError('AUTH.NOT_REGISTERED');
    return resolvePerson(deps, person, 'openid', null);
  }
  return null;
}
