/**
 * Password tries, counted per account and per address, and the lock they lead to: signing in and
 * changing one's password (which checks the current one) count against the same lock.
 *
 * Why lock rather than slow down: the usual answer to guessing, a delay that grows with each
 * failure, would be paid by us — a cloud function is billed for the time it runs, asleep or not —
 * and would cost the guesser nothing, who sends the next guess without waiting for the last answer.
 * So we count, and past a limit refuse at once without checking the password: a refused try costs
 * a store write, not an scrypt.
 *
 * The counts are the store's rate-limit windows (one per key and quarter hour, aligned on the clock:
 * 14:30, 14:45, … China time), so every instance of a function counts the same tries. A try takes
 * its place in the window before its password is checked — the take is atomic, so of 30 tries at
 * once no more than the limit reach scrypt — and a try whose password was right gives it back: a
 * window counts failures (and tries still being checked). Past the limit the key is locked until its
 * window ends: at most a quarter hour, and never more than the limit's guesses a quarter hour. (A
 * lock running a full quarter hour from the last failure would need a record of when it began, and
 * would let through no fewer guesses.)
 *
 * An account is counted by the username typed, whether or not it exists, so the answers tell no one
 * which accounts exist; its key is a hash, because people type their password into the username
 * field. An address is counted only when the host knows it (the local server; x-forwarded-for on
 * HTTP access): one shared count for callers without one would let a single guesser lock out everyone.
 *
 * A right password does not reset a count, it only takes its own try back: were an address's count
 * reset, a guesser holding one account of their own could sign in with it between guesses at
 * others' and never be locked; and an account's lock would be no lock if the right password lifted
 * it (nor does it: a locked account refuses the right password too, until the window ends or staff
 * reset the password).
 */
import { DomainError, formatWhen } from '../../../src/core';
import { sha256 } from '../auth/tokens';
import type { Deps } from '../deps';
import { bindingsOf } from './common';
import type { ActionContext } from './define';
import { windowStart } from './tries';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Wrong passwords a quarter hour for one account: enough for a person who mistypes, too few to guess. */
export const ACCOUNT_FAILURES = 5;
/** For one address: a community office signs in from one address, and a guesser spreads over accounts. */
export const ADDRESS_FAILURES = 20;

type Kind = 'account' | 'address';

interface Counter {
  kind: Kind;
  key: string;
  limit: number;
}

const accountCounter = (username: string): Counter => ({ kind: 'account', key: `signIn:account:${sha256(username)}`, limit: ACCOUNT_FAILURES });
const addressCounter = (ip: string): Counter => ({ kind: 'address', key: `signIn:address:${ip}`, limit: ADDRESS_FAILURES });
/** Taken once per lock: the one that sees 1 records it. A prefix of its own, so no counter's key can equal it. */
const markerKey = (c: Counter) => `signInLocked:${c.key}`;

export interface PasswordTry {
  /** The password was right: the try is given back. */
  right(): Promise<void>;
  /**
   * The password was wrong: the try stays counted. Throws AUTH.LOCKED when this failure reached a
   * limit (the person learns it now, not at the next try), else what `refusal` makes of the tries left.
   */
  wrong(refusal: (left: number) => DomainError): Promise<never>;
}

/**
 * Counts a password try for `username` from the caller's address before the password is checked;
 * throws AUTH.LOCKED, with the time it ends, when either is locked.
 */
export async function takePasswordTry(ctx: ActionContext, username: string): Promise<PasswordTry> {
  const { store, clock } = ctx.deps;
  const now = clock.now();
  const start = windowStart(now, SIGN_IN_WINDOW_MS);
  const lock = (c: Counter) => refuse(ctx, c, username, start, now);

  const taken: { counter: Counter; count: number }[] = [];
  const giveBack = () => Promise.all(taken.map((t) => store.rateLimits.giveBack(t.counter.key, start))).then(() => undefined);

  if (ctx.client.ip) {
    const address = addressCounter(ctx.client.ip);
    const count = await store.rateLimits.take(address.key, start);
    if (count > address.limit) return lock(address);
    taken.push({ counter: address, count });
  }
  const account = accountCounter(username);
  const count = await store.rateLimits.take(account.key, start);
  if (count > account.limit) {
    // No password was tried: the address is not charged for an account that refused it.
    await giveBack();
    return lock(account);
  }
  taken.push({ counter: account, count });

  return {
    right: giveBack,
    async wrong(refusal) {
      const reached = taken.filter((t) => t.count >= t.counter.limit).map((t) => t.counter);
      for (const c of reached) await recordLock(ctx, c, username, start, now);
      // An account's message names the way out (staff reset the password): it comes first.
      const first = reached.find((c) => c.kind === 'account') ?? reached[0];
      if (first) throw lockedError(first.kind, start, now);
      throw refusal(account.limit - count);
    },
  };
}

/** Staff reset the password: the account's count for this window goes, and a new lock is recorded anew. */
export async function liftAccountLock(deps: Deps, username: string): Promise<void> {
  const start = windowStart(deps.clock.now(), SIGN_IN_WINDOW_MS);
  const account = accountCounter(username);
  await deps.store.rateLimits.clear(account.key, start);
  await deps.store.rateLimits.clear(markerKey(account), start);
}

/** What a wrong password hears while it still has tries: how many are left once they are few. */
export function triesLeftNote(left: number): string {
  return left > 0 && left <= 2 ? `，再错 ${left} 次将暂时不能登录` : '';
}

async function refuse(ctx: ActionContext, c: Counter, username: string, start: number, now: number): Promise<never> {
  await recordLock(ctx, c, username, start, now);
  throw lockedError(c.kind, start, now);
}

function lockedError(kind: Kind, start: number, now: number): DomainError {
  const when = formatWhen(start + SIGN_IN_WINDOW_MS, now);
  return new DomainError(
    'AUTH.LOCKED',
    kind === 'account' ? `密码错误次数太多，请在${when} 以后再试，或请社区工作人员重置密码` : `从这个网络登录失败的次数太多，请在${when} 以后再试`,
  );
}

/**
 * Audits a lock once: the first try to find it (the failure that reached the limit, or a refused
 * try when that one's answer came late) takes the lock's marker and sees 1. A made-up username's
 * lock is counted but not audited: there is no one to record it against, and what was typed may
 * be someone's password.
 */
async function recordLock(ctx: ActionContext, c: Counter, username: string, start: number, now: number): Promise<void> {
  const { store, ids } = ctx.deps;
  if ((await store.rateLimits.take(markerKey(c), start)) !== 1) return;
  const until = start + SIGN_IN_WINDOW_MS;
  const entry = { id: ids.next('aud'), at: now, actorId: null, action: 'auth.locked', detail: { requestId: ctx.requestId, until, ip: ctx.client.ip } };
  if (c.kind === 'address') {
    await store.audit.append({ ...entry, targetKind: 'session', targetId: `address:${ctx.client.ip}`, unitPath: null, detail: { ...entry.detail, kind: 'address' } });
    return;
  }
  const person = await store.people.findByUsername(username);
  if (!person) return;
  // Scoped where staff find the person: a unit they are bound to, else the unit that created them.
  const home = (await bindingsOf(ctx.deps, person.id))[0]?.unit ?? (person.createdInUnitId ? await store.units.get(person.createdInUnitId) : null);
  await store.audit.append({ ...entry, targetKind: 'person', targetId: person.id, unitPath: home?.path ?? null, detail: { ...entry.detail, kind: 'account' } });
}
