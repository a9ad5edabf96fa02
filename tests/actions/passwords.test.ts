/**
 * Passwords: staff reset a person's (every session of theirs ends, the sign-in lock lifts); a
 * person changes their own (the current one checked and counted against the lock; their other
 * sessions end, this one stays). Neither is recorded with the password.
 */
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { ACCOUNT_FAILURES } from '../../cloudfunctions/lib/actions/sign-in-lock';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import type { Outputs, Role, SignedIn, Unit } from '../../src/core';
import { unit } from '../support/factories';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Reset = Outputs['people']['resetPassword'];
type Changed = Outputs['auth']['changePassword'];

const NEW_PASSWORD = 'brand-new-pass-9';

describe('passwords', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ residents: 0 });
  });
  afterEach(() => h.close());

  const signIn = (username: string, password = DEMO_PASSWORD) => h.call<SignedIn>('auth', 'signIn', { username, password });
  const session = async (username: string, password = DEMO_PASSWORD): Promise<Credentials> => ({ token: data(await signIn(username, password)).token });
  const idOf = async (username: string) => (await h.store.people.findByUsername(username))!.id;
  const reset = async (staff: Credentials, personId: string, password = NEW_PASSWORD) => h.call<Reset>('people', 'resetPassword', { personId, password }, staff);
  const entries = (action: string) => h.store.audit.search({ action }, 100);

  /** A person with a web account, bound as each role on each unit. */
  let n = 0;
  async function account(name: string, homes: { role: Role; unit: Unit }[], username = `acct${++n}`) {
    const id = `per_pw${++n}`;
    await h.store.people.insert({ id, name, phone: null, username, openid: null, demo: false, createdInUnitId: null, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('old-password-1'));
    for (const [i, home] of homes.entries()) await h.store.bindings.insert({ id: `bnd_${id}_${i}`, personId: id, unitId: home.unit.id, role: home.role, createdAt: 0, createdBy: null });
    return { id, username };
  }

  async function anotherCommunity() {
    const community = unit(await h.unitNamed('幸福街道'), 'community', '和平社区');
    const compound = unit(community, 'compound', '和平小区');
    const building = unit(compound, 'building', '1号楼');
    for (const u of [community, compound, building]) await h.store.units.insert(u);
    return { community, building };
  }

  describe('people.resetPassword', () => {
    it('sets a new password, ends every session of the person, and is audited without the password', async () => {
      const first = await session('jumin');
      const second = await session('jumin');
      const staff = await session('shequ');
      const jumin = await idOf('jumin');
      const r = data(await reset(staff, jumin));
      expect(r).toMatchObject({ person: { id: jumin, name: '孙福贵' }, sessionsEnded: 2 });
      for (const cred of [first, second]) expectFailure(await h.call('auth', 'whoAmI', {}, cred), 'AUTH.TOKEN_REVOKED');
      expectFailure(await signIn('jumin'), 'AUTH.BAD_CREDENTIALS');
      data(await signIn('jumin', NEW_PASSWORD));
      // The staff member's own session is theirs: untouched.
      data(await h.call('auth', 'whoAmI', {}, staff));
      const [entry, ...more] = await entries('people.resetPassword');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actorId: await idOf('shequ'), targetKind: 'person', targetId: jumin, detail: { sessionsEnded: 2 } });
      expect(entry.unitPath).toBe((await h.unitNamed('1号楼', '幸福里小区')).path);
      expect(JSON.stringify(entry)).not.toMatch(new RegExp(`${NEW_PASSWORD}|scrypt`));
    });

    it('lifts the lock on the account, and a new lock is recorded anew', async () => {
      for (let i = 0; i < ACCOUNT_FAILURES; i++) await signIn('jumin', 'wrong-password');
      expectFailure(await signIn('jumin'), 'AUTH.LOCKED');
      data(await reset(await session('shequ'), await idOf('jumin')));
      data(await signIn('jumin', NEW_PASSWORD));
      for (let i = 0; i < ACCOUNT_FAILURES; i++) await signIn('jumin', 'wrong-password');
      expectFailure(await signIn('jumin', NEW_PASSWORD), 'AUTH.LOCKED');
      expect(await entries('auth.locked')).toHaveLength(2);
    });

    it('lets staff reset the staff they could appoint: a secretary her staff, the street the secretary', async () => {
      data(await reset(await session('shuji'), await idOf('shequ')));
      data(await reset(await session('jiedao'), await idOf('shuji')));
      data(await signIn('shuji', NEW_PASSWORD));
    });

    it('is refused, and writes nothing, to anyone beyond the caller’s reach or authority', async () => {
      const staff = await session('shequ');
      const jumin = await idOf('jumin');
      const there = await anotherCommunity();
      const building = await h.unitNamed('1号楼', '幸福里小区');
      const otherStaff = await account('郑和平', [{ role: 'community_staff', unit: there.community }]);
      const twoHomes = await account('钱两家', [
        { role: 'resident', unit: building },
        { role: 'resident', unit: there.building },
      ]);
      const wechatOnly = data(await h.call<{ id: string }>('people', 'create', { name: '赵无号' }, staff)).id;
      const juminSession = await session('jumin');
      const hashes = async () => Promise.all([jumin, await idOf('shuji'), await idOf('shequ'), twoHomes.id].map((id) => h.store.people.passwordHash(id)));
      const before = await hashes();

      // No power over people at all.
      expectFailure(await reset(await session('louzhang'), jumin), 'AUTH.FORBIDDEN');
      // Another community's staff do not know of our resident; nobody knows of no one.
      expectFailure(await reset(await session(otherStaff.username, 'old-password-1'), jumin), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await reset(staff, 'per_nobody'), 'PERSON.NOT_FOUND', 'personId');
      // In reach, but above the caller: community staff cannot appoint a secretary, so cannot take her account.
      const above = await reset(staff, await idOf('shuji'));
      expectFailure(above, 'AUTH.FORBIDDEN');
      expect(above).toMatchObject({ message: '李秀英是阳光社区的社区书记，您不能重置其密码；请上级工作人员重置' });
      // In reach here, and at home in another community too: not named, not reset.
      const beyond = await reset(staff, twoHomes.id);
      expectFailure(beyond, 'AUTH.FORBIDDEN');
      expect(beyond).toMatchObject({ message: expect.not.stringContaining('和平') });
      // One's own goes through 修改密码, which asks for the current one.
      expectFailure(await reset(staff, await idOf('shequ')), 'INPUT.INVALID', 'personId');
      expect(await reset(staff, await idOf('shequ'))).toMatchObject({ message: expect.stringContaining('修改密码') });
      expectFailure(await reset(staff, wechatOnly), 'INPUT.INVALID', 'personId');
      expectFailure(await reset(staff, jumin, 'short'), 'INPUT.INVALID', 'password');

      expect(await hashes()).toEqual(before);
      expect(await h.store.people.passwordHash(wechatOnly)).toBeNull();
      data(await h.call('auth', 'whoAmI', {}, juminSession));
      expect(await entries('people.resetPassword')).toEqual([]);
    });
  });

  describe('auth.changePassword', () => {
    const change = (cred: Credentials, current: string, next: string) => h.call<Changed>('auth', 'changePassword', { current, next }, cred);

    it('checks the current password, ends the other sessions and keeps this one', async () => {
      const here = await session('jumin');
      const elsewhere = await session('jumin');
      expect(data(await change(here, DEMO_PASSWORD, NEW_PASSWORD))).toEqual({ changed: true, sessionsEnded: 1 });
      data(await h.call('auth', 'whoAmI', {}, here));
      expectFailure(await h.call('auth', 'whoAmI', {}, elsewhere), 'AUTH.TOKEN_REVOKED');
      expectFailure(await signIn('jumin'), 'AUTH.BAD_CREDENTIALS');
      data(await signIn('jumin', NEW_PASSWORD));
      const [entry, ...more] = await entries('auth.changePassword');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actorId: await idOf('jumin'), targetId: await idOf('jumin'), detail: { sessionsEnded: 1 } });
      expect(JSON.stringify(entry)).not.toMatch(new RegExp(`${NEW_PASSWORD}|${DEMO_PASSWORD}|scrypt`));
    });

    it('refuses a wrong current password beside its field, writing nothing, and counts it against the sign-in lock', async () => {
      const here = await session('jumin');
      const elsewhere = await session('jumin');
      const before = await h.store.people.passwordHash(await idOf('jumin'));
      const answers = [];
      for (let i = 0; i < ACCOUNT_FAILURES; i++) answers.push(await change(here, 'not-my-password', NEW_PASSWORD));
      for (const r of answers.slice(0, -1)) expectFailure(r, 'INPUT.INVALID', 'current');
      expect(answers[3]).toMatchObject({ message: '现在的密码不对，再错 1 次将暂时不能登录' });
      expect(answers[4]).toMatchObject({ code: 'AUTH.LOCKED', message: expect.stringContaining('今天 09:15') });
      // The same lock: signing in is refused now, the right password too; the open sessions stay.
      expectFailure(await signIn('jumin'), 'AUTH.LOCKED');
      expectFailure(await change(here, DEMO_PASSWORD, NEW_PASSWORD), 'AUTH.LOCKED');
      for (const cred of [here, elsewhere]) data(await h.call('auth', 'whoAmI', {}, cred));
      expect(await h.store.people.passwordHash(await idOf('jumin'))).toBe(before);
      expect(await entries('auth.changePassword')).toEqual([]);
      expect(await entries('auth.locked')).toHaveLength(1);
    });

    it('refuses a new password like the current one, or too short, beside the new one', async () => {
      const here = await session('jumin');
      expectFailure(await change(here, DEMO_PASSWORD, DEMO_PASSWORD), 'INPUT.INVALID', 'next');
      expectFailure(await change(here, DEMO_PASSWORD, 'short'), 'INPUT.INVALID', 'next');
      data(await signIn('jumin'));
    });

    it('tells a WeChat user without a web account there is no password to change', async () => {
      const sun = (await h.store.people.findByUsername('jumin'))!;
      await h.store.people.insert({ ...sun, id: 'per_wx', username: null, openid: 'o-wx-pw', name: '微信居民' }, null);
      expectFailure(await change({ openid: 'o-wx-pw' }, 'anything', NEW_PASSWORD), 'INPUT.INVALID', 'current');
      expect(await h.store.people.passwordHash('per_wx')).toBeNull();
    });
  });
});
