import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { data, expectFailure, harness, type Harness } from '../support/harness';
import { HOW_TO_REGISTER, type Me, type SignedIn } from '../../src/core';

describe('signing in on the web', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it('signs in with a password and answers who I am, with the trail of my unit', async () => {
    const signed = data(await h.call<SignedIn>('auth', 'signIn', { username: 'louzhang', password: DEMO_PASSWORD }));
    expect(signed.expiresAt).toBe(h.clock.now() + 12 * 3600_000);
    const me = data(await h.call<Me>('auth', 'whoAmI', {}, { token: signed.token }));
    expect(me.person.name).toBe('赵桂兰');
    expect(me.bindings).toEqual([
      expect.objectContaining({ role: 'building_lead', roleLabel: '楼栋长', trail: '幸福街道 / 阳光社区 / 幸福里小区 / 1号楼' }),
    ]);
    expect(me.isHandler).toBe(true);
    expect(me.isStaff).toBe(false);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    expectFailure(await h.call('auth', 'signIn', { username: 'shuji', password: 'wrong-password' }), 'AUTH.BAD_CREDENTIALS');
    expectFailure(await h.call('auth', 'signIn', { username: 'nobody', password: DEMO_PASSWORD }), 'AUTH.BAD_CREDENTIALS');
  });

  it('never stores the token itself', async () => {
    const signed = data(await h.call<SignedIn>('auth', 'signIn', { username: 'shuji', password: DEMO_PASSWORD }));
    const db = (h.store as unknown as { kind: string }).kind;
    expect(db).toBe('sqlite');
    const { sha256 } = await import('../../cloudfunctions/lib/auth/tokens');
    expect(await h.store.sessions.findByTokenHash(signed.token)).toBeNull();
    expect(await h.store.sessions.findByTokenHash(sha256(signed.token))).not.toBeNull();
  });

  it('asks for sign-in when no credentials come with a protected action', async () => {
    expectFailure(await h.call('auth', 'whoAmI'), 'AUTH.REQUIRED');
    expectFailure(await h.call('units', 'tree', {}), 'AUTH.REQUIRED');
  });

  it('refuses a forged, an expired and a revoked token, each with its own code', async () => {
    const { token } = data(await h.call<SignedIn>('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD }));
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expectFailure(await h.call('units', 'tree', {}, { token: forged }), 'AUTH.TOKEN_INVALID');
    expectFailure(await h.call('units', 'tree', {}, { token: 'not-a-token' }), 'AUTH.TOKEN_INVALID');

    data(await h.call('auth', 'signOut', {}, { token }));
    expectFailure(await h.call('units', 'tree', {}, { token }), 'AUTH.TOKEN_REVOKED');

    const second = data(await h.call<SignedIn>('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD }));
    h.clock.advance(12 * 3600_000 + 1);
    expectFailure(await h.call('units', 'tree', {}, { token: second.token }), 'AUTH.TOKEN_EXPIRED');
    // whoAmI is public (a WeChat user nobody knows reads it too), and still says why a session ended.
    expectFailure(await h.call('auth', 'whoAmI', {}, { token: second.token }), 'AUTH.TOKEN_EXPIRED');
    expectFailure(await h.call('auth', 'whoAmI', {}, { token }), 'AUTH.TOKEN_REVOKED');
  });

  it('lets a person with a stale token still sign in and read the demo logins', async () => {
    const r = await h.call('auth', 'demoLogins', {}, { token: 'stale.token.value' });
    expect(data(r as never)).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'shuji', roleLabel: '社区书记' })]));
  });

  it('lists demo logins from the top of the tree down, one per role', async () => {
    const list = data(await h.call<{ role: string }[]>('auth', 'demoLogins'));
    expect(list.map((d) => d.role)).toEqual([
      'street_officer',
      'community_secretary',
      'community_staff',
      'compound_secretary',
      'property_manager',
      'building_lead',
      'resident',
      'member',
      'volunteer',
    ]);
  });
});

describe('the caller in the mini-program', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it('is the platform openid, and an openid inside the event is not believed', async () => {
    const sun = (await h.store.people.findByUsername('jumin'))!;
    // Give the demo resident a WeChat identity the way registration will.
    await h.store.people.insert({ ...sun, id: 'per_wx', username: null, openid: 'o-wx-1', name: '微信居民' }, null);
    const me = data(await h.call<Me>('auth', 'whoAmI', {}, { openid: 'o-wx-1' }));
    expect(me.person.name).toBe('微信居民');

    const r = await h.deps.store.people.findByOpenid('o-wx-1');
    expect(r?.id).toBe('per_wx');
    const { dispatch } = await import('../../cloudfunctions/lib/functions');
    const spoof = await dispatch(h.deps, 'auth', { action: 'whoAmI', data: {}, openid: 'o-wx-1', userInfo: { openId: 'o-wx-1' } }, {});
    expectFailure(spoof, 'AUTH.REQUIRED');
  });

  it('tells an unregistered WeChat user to register', async () => {
    expect(data(await h.call('auth', 'whoAmI', {}, { openid: 'o-unknown' }))).toEqual({ registered: false, howToRegister: HOW_TO_REGISTER, registration: null });
    expectFailure(await h.call('reports', 'mine', {}, { openid: 'o-unknown' }), 'AUTH.NOT_REGISTERED');
  });
});
