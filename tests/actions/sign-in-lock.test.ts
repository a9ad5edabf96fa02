/**
 * Signing in is counted per account and per address; past the limit of a quarter hour it is
 * refused until the quarter hour ends, without the password being checked — the right one too.
 */
import crypto from 'node:crypto';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES } from '../../cloudfunctions/lib/actions/sign-in-lock';
import { httpStatus } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import type { Result, SignedIn } from '../../src/core';
import { T0, data, expectFailure, harness, type Harness } from '../support/harness';

const QUARTER = 15 * 60_000;

describe('the sign-in lock', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ residents: 0 });
  });
  afterEach(() => h.close());

  const signIn = (username: string, password: string, cred: Credentials = {}) => h.call<SignedIn>('auth', 'signIn', { username, password }, cred);
  const wrong = (username: string, cred: Credentials = {}) => signIn(username, 'not-the-password', cred);
  const locks = () => h.store.audit.search({ action: 'auth.locked' }, 100);

  it('locks an account after 5 wrong passwords in a quarter hour, saying until when, and warns before', async () => {
    // T0 is 09:00 China time: the quarter hour ends at 09:15.
    h.clock.advance(7 * 60_000);
    const answers: Result<unknown>[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES; i++) answers.push(await wrong('shuji'));
    for (const r of answers.slice(0, 2)) expect(r).toMatchObject({ ok: false, code: 'AUTH.BAD_CREDENTIALS', message: '账号或密码不正确' });
    expect(answers[2]).toMatchObject({ code: 'AUTH.BAD_CREDENTIALS', message: '账号或密码不正确，再错 2 次将暂时不能登录' });
    expect(answers[3]).toMatchObject({ code: 'AUTH.BAD_CREDENTIALS', message: '账号或密码不正确，再错 1 次将暂时不能登录' });
    // The fifth failure locks: the person hears it at once.
    expect(answers[4]).toMatchObject({ code: 'AUTH.LOCKED', message: '密码错误次数太多，请在今天 09:15 以后再试，或请社区工作人员重置密码' });
    expect(httpStatus(answers[4])).toBe(429);

    // Locked for the right password too, until the quarter hour ends.
    expectFailure(await signIn('shuji', DEMO_PASSWORD), 'AUTH.LOCKED');
    h.clock.set(T0 + QUARTER - 1);
    expectFailure(await signIn('shuji', DEMO_PASSWORD), 'AUTH.LOCKED');
    h.clock.set(T0 + QUARTER);
    data(await signIn('shuji', DEMO_PASSWORD));
    // Other accounts were never locked.
    h.clock.set(T0);
    data(await signIn('shequ', DEMO_PASSWORD));
  });

  it('writes China time, with the day when the lock ends on another', async () => {
    h.clock.set('2026-11-23T23:50:00+08:00');
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) await wrong('shuji');
    expect((await wrong('shuji')) as { message?: string }).toMatchObject({ message: expect.stringContaining('请在明天 00:00 以后再试') });
  });

  it('audits each lock once, against the person, and never the password', async () => {
    for (let i = 0; i < ACCOUNT_FAILURES + 3; i++) await wrong('shuji', { ip: '10.1.1.1' });
    const shuji = (await h.store.people.findByUsername('shuji'))!;
    const entries = await locks();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, targetKind: 'person', targetId: shuji.id, detail: { kind: 'account', until: T0 + QUARTER, ip: '10.1.1.1' } });
    expect(entries[0].unitPath).toBe((await h.unitNamed('阳光社区')).path);
    expect(JSON.stringify(entries)).not.toContain('not-the-password');
    // A new quarter hour, a new lock, a new entry.
    h.clock.advance(QUARTER);
    for (let i = 0; i < ACCOUNT_FAILURES; i++) await wrong('shuji');
    expect(await locks()).toHaveLength(2);
  });

  it('locks a made-up username like a real one, so the answers tell no one which accounts exist', async () => {
    const take = jest.spyOn(h.store.rateLimits, 'take');
    const answers: Result<unknown>[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES + 1; i++) answers.push(await wrong('no-such-person'));
    expect(answers.map((r) => !r.ok && r.code)).toEqual([...Array(ACCOUNT_FAILURES - 1).fill('AUTH.BAD_CREDENTIALS'), 'AUTH.LOCKED', 'AUTH.LOCKED']);
    // Nobody to record it against, and what was typed might be someone's password.
    expect(await locks()).toEqual([]);
    // What was typed is not kept in the counters' keys (people type their password there).
    expect(take).toHaveBeenCalled();
    for (const [key] of take.mock.calls) expect(key).not.toContain('no-such-person');
  });

  it('does not count a right password, nor let it reset the count', async () => {
    for (let i = 0; i < 10; i++) data(await signIn('shequ', DEMO_PASSWORD));
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) await wrong('shequ');
    data(await signIn('shequ', DEMO_PASSWORD));
    // The right password took its try back but did not wipe the four failures: one more locks.
    expectFailure(await wrong('shequ'), 'AUTH.LOCKED');
  });

  it('locks an address after 20 wrong passwords over any accounts, and only that address', async () => {
    const office = { ip: '203.0.113.7' };
    const accounts = ['shuji', 'shequ', 'jiedao', 'zhibu', 'wuye', 'louzhang', 'jumin', 'dangyuan', 'zhiyuan', 'nobody'];
    const answers: Result<unknown>[] = [];
    // Two tries an account: no account comes near its own limit.
    for (let i = 0; i < ADDRESS_FAILURES; i++) answers.push(await wrong(accounts[i % accounts.length], office));
    expect(answers.slice(0, -1).every((r) => !r.ok && r.code === 'AUTH.BAD_CREDENTIALS')).toBe(true);
    expect(answers.at(-1)).toMatchObject({ code: 'AUTH.LOCKED', message: '从这个网络登录失败的次数太多，请在今天 09:15 以后再试' });
    expectFailure(await signIn('shequ', DEMO_PASSWORD, office), 'AUTH.LOCKED');
    data(await signIn('shequ', DEMO_PASSWORD, { ip: '198.51.100.1' }));
    expect(await locks()).toEqual([expect.objectContaining({ targetKind: 'session', targetId: 'address:203.0.113.7', detail: expect.objectContaining({ kind: 'address' }) })]);
    h.clock.advance(QUARTER);
    data(await signIn('shequ', DEMO_PASSWORD, office));
  });

  it('does not let a right password reset an address’s count', async () => {
    // Else a guesser holding one account of their own would sign in with it between guesses.
    const office = { ip: '203.0.113.8' };
    for (let i = 0; i < ADDRESS_FAILURES - 1; i++) await wrong(`guess${i}`, office);
    data(await signIn('shequ', DEMO_PASSWORD, office));
    expectFailure(await wrong('guess-last', office), 'AUTH.LOCKED');
  });

  it('does not charge an address for tries a locked account refused', async () => {
    const office = { ip: '203.0.113.9' };
    for (let i = 0; i < ACCOUNT_FAILURES; i++) await wrong('shuji', office);
    for (let i = 0; i < 30; i++) expectFailure(await signIn('shuji', DEMO_PASSWORD, office), 'AUTH.LOCKED');
    // 5 of the address's 20 are spent: 14 more failures leave it open.
    for (let i = 0; i < ADDRESS_FAILURES - ACCOUNT_FAILURES - 1; i++) expectFailure(await wrong(`other${i}`, office), 'AUTH.BAD_CREDENTIALS');
    data(await signIn('shequ', DEMO_PASSWORD, office));
  });

  describe('when tries race', () => {
    let scrypt: jest.SpyInstance;
    beforeEach(async () => {
      // The stand-in hash a made-up username is checked against is made once: made before counting.
      await wrong('warm-up', { ip: '198.51.100.99' });
      scrypt = jest.spyOn(crypto, 'scrypt');
    });
    afterEach(() => scrypt.mockRestore());

    it('lets no more than 5 of 30 wrong sign-ins at once on one account reach the password, and locks it', async () => {
      // Each from its own address, so only the account's count stands between them and scrypt.
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => wrong('shuji', { ip: `10.0.0.${i}` })));
      expect(scrypt.mock.calls.length).toBeLessThanOrEqual(ACCOUNT_FAILURES);
      expect(answers.every((r) => !r.ok && (r.code === 'AUTH.BAD_CREDENTIALS' || r.code === 'AUTH.LOCKED'))).toBe(true);
      expect(answers.filter((r) => !r.ok && r.code === 'AUTH.LOCKED').length).toBeGreaterThanOrEqual(30 - ACCOUNT_FAILURES + 1);
      expect(await locks()).toHaveLength(1);
      scrypt.mockClear();
      expectFailure(await signIn('shuji', DEMO_PASSWORD), 'AUTH.LOCKED');
      expect(scrypt).not.toHaveBeenCalled();
    });

    it('lets no more than 20 of 30 wrong sign-ins at once from one address reach the password', async () => {
      // Thirty accounts, one try each: only the address's count stands between them and scrypt.
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => wrong(`guess${i}`, { ip: '192.0.2.1' })));
      expect(scrypt.mock.calls.length).toBeLessThanOrEqual(ADDRESS_FAILURES);
      expect(answers.filter((r) => !r.ok && r.code === 'AUTH.LOCKED').length).toBeGreaterThanOrEqual(30 - ADDRESS_FAILURES + 1);
      expect(await locks()).toEqual([expect.objectContaining({ targetKind: 'session', targetId: 'address:192.0.2.1' })]);
      scrypt.mockClear();
      expectFailure(await signIn('shequ', DEMO_PASSWORD, { ip: '192.0.2.1' }), 'AUTH.LOCKED');
      expect(scrypt).not.toHaveBeenCalled();
    });
  });
});
