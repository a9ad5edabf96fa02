/**
 * Who is calling. In the mini-program the platform injects the caller's OPENID; on the web the
 * caller presents a session token. An openid inside the event is never believed.
 *
 * Every read here is on a cold instance's first tap, so reads that do not depend on each other go
 * out together: a token's session with the secret that signs it, a person with their bindings.
 * Nothing is remembered between requests but the secret: a revoked session is refused at once.
 */
import { DomainError, HOW_TO_REGISTER, type Binding, type Person } from '../../src/core';
import { newSecret, sha256, tokenIsSigned } from './auth/tokens';
import type { Caller, CallerBinding } from './actions/define';
import type { Deps } from './deps';

/** What the entry point knows about the caller before any lookup. */
export interface Credentials {
  /** From the platform (getCloudbaseContext(context).WX_OPENID), never from the event body. */
  openid?: string | null;
  /** A bearer token from the Authorization header (server) or the event (cloud HTTP access). */
  token?: string | null;
  /** Where the request came from, as the host saw it; identifies no one, only limits what is public. */
  ip?: string | null;
}

interface Secret {
  promise: Promise<string>;
  /** Set once the promise has settled with it. */
  value?: string;
}

const secrets = new WeakMap<Deps, Secret>();

/**
 * The HMAC secret for session tokens: JINLIN_SECRET if set, else one generated once and kept with
 * the data. Read before it is ever added: adding first costs a cold instance three requests when
 * the secret exists, as it almost always does.
 */
export function sessionSecret(deps: Deps): Promise<string> {
  let s = secrets.get(deps);
  if (!s) {
    const env = process.env.JINLIN_SECRET;
    const meta = deps.store.meta;
    const entry: Secret = env
      ? { promise: Promise.resolve(env), value: env }
      : { promise: meta.get('session_secret').then((v) => v ?? meta.setIfAbsent('session_secret', newSecret())) };
    entry.promise.then(
      (v) => (entry.value = v),
      // A failed read is not kept: the next request asks again.
      () => secrets.get(deps) === entry && secrets.delete(deps),
    );
    secrets.set(deps, (s = entry));
  }
  return s.promise;
}

/** The person's bindings resolved to their units (a binding whose unit is gone is left out). */
async function callerOf(deps: Deps, person: Person, bindings: Binding[], via: Caller['via'], sessionId: string | null): Promise<Caller> {
  const units = new Map((await deps.store.units.getMany([...new Set(bindings.map((b) => b.unitId))])).map((u) => [u.id, u]));
  const resolved: CallerBinding[] = [];
  for (const b of bindings) {
    const unit = units.get(b.unitId);
    if (unit) resolved.push({ role: b.role, unit, binding: b });
  }
  return { person, bindings: resolved, via, sessionId };
}

export async function resolvePerson(deps: Deps, person: Person, via: Caller['via'], sessionId: string | null): Promise<Caller> {
  return callerOf(deps, person, await deps.store.bindings.listForPerson(person.id), via, sessionId);
}

async function byToken(deps: Deps, token: string): Promise<Caller> {
  // Once the secret is known a forged token is refused without a read; until then (a cold
  // instance's first requests) the session is asked for beside the secret, and the signature is
  // still checked before the session is believed.
  const known = secrets.get(deps)?.value;
  if (known !== undefined && !tokenIsSigned(known, token)) throw new DomainError('AUTH.TOKEN_INVALID');
  const lookup = deps.store.sessions.findByTokenHash(sha256(token));
  // Awaited below unless the token is refused first; its failure is not to go unhandled then.
  lookup.catch(() => undefined);
  if (!tokenIsSigned(await sessionSecret(deps), token)) throw new DomainError('AUTH.TOKEN_INVALID');
  const session = await lookup;
  if (!session) throw new DomainError('AUTH.TOKEN_INVALID');
  if (session.revokedAt !== null) throw new DomainError('AUTH.TOKEN_REVOKED');
  if (session.expiresAt <= deps.clock.now()) throw new DomainError('AUTH.TOKEN_EXPIRED');
  const [person, bindings] = await Promise.all([deps.store.people.get(session.personId), deps.store.bindings.listForPerson(session.personId)]);
  if (!person) throw new DomainError('AUTH.TOKEN_INVALID');
  return callerOf(deps, person, bindings, 'token', session.id);
}

/**
 * Resolves credentials to a caller. Returns null when none were presented; throws a DomainError
 * when credentials were presented but are not good (so a bad token is never treated as anonymous).
 */
export async function resolveCaller(deps: Deps, cred: Credentials): Promise<Caller | null> {
  if (cred.token) return byToken(deps, cred.token);
  if (cred.openid) {
    const person = await deps.store.people.findByOpenid(cred.openid);
    // A WeChat user nobody has registered yet: told how to become one (registration is public).
    if (!person) throw new DomainError('AUTH.NOT_REGISTERED', `您还没有登记为居民。${HOW_TO_REGISTER}`);
    return resolvePerson(deps, person, 'openid', null);
  }
  return null;
}
