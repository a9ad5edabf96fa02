import { DomainError, HOW_TO_REGISTER, ROLE_LABEL, type DemoLogin, type Me, type NotRegistered, type SignedIn } from '../../../src/core';
import * as schemas from '../../../src/core/schemas/auth';
import { verifyPassword } from '../auth/passwords';
import { issueToken, sha256 } from '../auth/tokens';
import { resolvePerson, sessionSecret } from '../identity';
import { personAction, publicAction, type FunctionDef } from './define';
import { describeMe } from './me';
import { changePassword } from './password-change';
import { registrationUnits, registrationView } from './registration/views';
import { takePasswordTry, triesLeftNote } from './sign-in-lock';

export { describeMe };

/** The demo data's shared password; only people flagged `demo` are ever listed with it. */
export const DEMO_PASSWORD = 'demo1234';

/** Demo logins are listed from the top of the tree down, as staff think of them. */
const DEMO_ORDER = [
  'street_officer',
  'community_secretary',
  'community_staff',
  'compound_secretary',
  'property_manager',
  'grid_lead',
  'steward',
  'building_lead',
  'resident',
  'member',
  'volunteer',
] as const;

export const auth: FunctionDef = {
  signIn: publicAction(schemas.auth.signIn, async (ctx, input): Promise<SignedIn> => {
    const { store, clock, ids, settings } = ctx.deps;
    // Counted before the password is checked: a locked account or address never reaches scrypt (sign-in-lock.ts).
    const attempt = await takePasswordTry(ctx, input.username);
    const person = await store.people.findByUsername(input.username);
    const hash = person ? await store.people.passwordHash(person.id) : null;
    const good = await verifyPassword(input.password, hash);
    if (!person || !good) return attempt.wrong((left) => new DomainError('AUTH.BAD_CREDENTIALS', `账号或密码不正确${triesLeftNote(left)}`));
    await attempt.right();
    const now = clock.now();
    const sessionId = ids.next('ses');
    const token = issueToken(await sessionSecret(ctx.deps), sessionId);
    const expiresAt = now + settings.sessionTtlMs;
    await store.sessions.insert({ id: sessionId, tokenHash: sha256(token), personId: person.id, createdAt: now, expiresAt, revokedAt: null });
    await store.audit.append({
      id: ids.next('aud'),
      at: now,
      actorId: person.id,
      action: 'auth.signIn',
      targetKind: 'session',
      targetId: sessionId,
      detail: { requestId: ctx.requestId },
    });
    const caller = await resolvePerson(ctx.deps, person, 'token', sessionId);
    return { token, expiresAt, me: await describeMe(ctx.deps, caller) };
  }),

  signOut: personAction(schemas.auth.signOut, async (ctx) => {
    if (ctx.caller.sessionId) await ctx.deps.store.sessions.revoke(ctx.caller.sessionId, ctx.deps.clock.now());
    return { signedOut: true as const };
  }),

  changePassword: personAction(schemas.auth.changePassword, changePassword),

  /**
   * Public: a WeChat user nobody has registered yet is told so, how to register, and how their
   * registration stands; a person reads themselves. A stale token reads as no one (AUTH.REQUIRED).
   */
  whoAmI: publicAction(schemas.auth.whoAmI, async (ctx): Promise<Me | NotRegistered> => {
    if (ctx.caller) return describeMe(ctx.deps, ctx.caller);
    const openid = ctx.client.openid;
    // An expired or revoked session says so: the sign-in page tells the person why.
    if (!openid) throw ctx.client.refused ?? new DomainError('AUTH.REQUIRED');
    // An approved one is no news to a WeChat user who is nobody (staff unbound them since): they register anew.
    const latest = (await ctx.deps.store.registrations.listForOpenid(openid))[0];
    const newest = latest && latest.status !== 'approved' ? latest : null;
    return {
      registered: false,
      howToRegister: HOW_TO_REGISTER,
      registration: newest ? registrationView(newest, await registrationUnits(ctx.deps, [newest])) : null,
    };
  }),

  demoLogins: publicAction(schemas.auth.demoLogins, async (ctx): Promise<DemoLogin[]> => {
    const { store } = ctx.deps;
    const people = (await store.people.listDemo()).filter((p) => p.username);
    const out: DemoLogin[] = [];
    for (const p of people) {
      const bindings = await store.bindings.listForPerson(p.id);
      const first = bindings[0];
      if (!first) continue;
      const unit = await store.units.get(first.unitId);
      out.push({
        role: first.role,
        roleLabel: ROLE_LABEL[first.role],
        name: p.name,
        username: p.username!,
        password: DEMO_PASSWORD,
        unit: unit?.name ?? '',
      });
    }
    const rank = (r: string) => DEMO_ORDER.indexOf(r as (typeof DEMO_ORDER)[number]);
    return out.sort((a, b) => rank(a.role) - rank(b.role));
  }),
};
