/**
 * Registering without WeChat (the h5 build, the local host): a web account with the phone as its
 * sign-in name and a password the person chooses. Before it is approved, the browser reads its
 * registration by a key answered once; it always waits for a person to approve it.
 */
import type { Me, SignedIn, Submitted } from '../../src/core';
import { sha256 } from '../../cloudfunctions/lib/auth/tokens';
import { data, expectFailure } from '../support/harness';
import { freshPhone, phoneCode, registrationKit, type RegistrationKit } from './support/registration';

let k: RegistrationKit;
beforeAll(async () => {
  k = await registrationKit();
});
afterAll(() => k.h.close());

const PASSWORD = 'chuntian-2026';

describe('a web account', () => {
  it('submits with a password, reads its registration by its key, and signs in with phone and password once approved', async () => {
    const phone = freshPhone();
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '雷网页', phone, password: PASSWORD }));
    expect(sent).toMatchObject({ created: true, me: null, registration: { status: 'pending', phoneVerified: false } });
    expect(sent.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await k.h.store.registrations.get(sent.registration.id))!;
    // Only the key's hash and the password's hash are kept.
    expect(stored.keyHash).toBe(sha256(sent.key!));
    expect(stored).toMatchObject({ username: phone, openid: null });
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expectFailure(await k.h.call('auth', 'signIn', { username: phone, password: PASSWORD }), 'AUTH.BAD_CREDENTIALS');

    expect(data(await k.mine({}, sent.key!)).registrations).toEqual([sent.registration]);
    expectFailure(await k.mine({}), 'AUTH.REQUIRED');
    expect(data(await k.mine({}, 'x'.repeat(43))).registrations).toEqual([]);

    // Coming back with the key answers the pending one; no second key.
    const again = data(await k.submit({ codeId: (await k.code()).id, name: '雷网页', phone, password: PASSWORD, key: sent.key! }));
    expect(again).toMatchObject({ created: false, key: null, registration: { id: sent.registration.id } });

    const item = (await k.queue()).find((r) => r.id === sent.registration.id)!;
    expect(item.phone).toBe(phone);
    data(await k.approve(item));
    expect((await k.h.store.registrations.get(sent.registration.id))!.passwordHash).toBeNull();
    const signed = data(await k.h.call<SignedIn>('auth', 'signIn', { username: phone, password: PASSWORD }));
    expect(signed.me).toMatchObject({ registered: true, person: { name: '雷网页', username: phone, phone }, bindings: [{ role: 'resident', unit: { id: k.building.id } }] });
    const me = data(await k.h.call<Me>('auth', 'whoAmI', {}, { token: signed.token }));
    const filed = await k.h.call('reports', 'create', { clientRequestId: 'web-reg-1', unitId: k.building.id, category: 'noise', description: '楼道里的灯坏了好几天' }, { token: signed.token });
    expect(filed.ok).toBe(true);
    expect(me.person.username).toBe(phone);
  });

  it('is refused without a password, and nothing is written', async () => {
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '没密码', phone: freshPhone() }), 'REGISTRATION.NEEDS_PASSWORD', 'password'));
  });

  it('is refused a WeChat phone code: there is no WeChat to trade it', async () => {
    const code = await k.code();
    await k.writesNothing(async () =>
      expectFailure(await k.submit({ codeId: code.id, name: '无微信', phoneCode: phoneCode(freshPhone()), password: PASSWORD }), 'REGISTRATION.NEEDS_WECHAT', 'phoneCode'),
    );
  });

  it('is refused a phone that is an account already, and nothing is written', async () => {
    const phone = freshPhone();
    const first = data(await k.submit({ codeId: (await k.code()).id, name: '贺先到', phone, password: PASSWORD }));
    data(await k.approve(first.registration));
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '贺后到', phone, password: PASSWORD }), 'REGISTRATION.ACCOUNT_EXISTS', 'phone'));
  });

  it('answers ACCOUNT_EXISTS when approving the second of two waiting with the same phone', async () => {
    const phone = freshPhone();
    const [a, b] = [
      data(await k.submit({ codeId: (await k.code()).id, name: '倪甲', phone, password: PASSWORD })),
      data(await k.submit({ codeId: (await k.code()).id, name: '倪乙', phone, password: PASSWORD })),
    ] as Submitted[];
    data(await k.approve(a.registration));
    k.seen.keys.add(b.key!);
    await k.writesNothing(async () => expectFailure(await k.approve(b.registration), 'REGISTRATION.ACCOUNT_EXISTS'));
    expect(data(await k.reject(b.registration, '这个手机号已经登记过了')).status).toBe('rejected');
  });

  it('never approves itself, even with the phone of an unclaimed resident', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('汤导入', phone);
    const sent = data(await k.submit({ codeId: (await k.personalCode(resident.id)).id, name: '汤导入', phone, password: PASSWORD }));
    expect(sent.registration.status).toBe('pending');
    // The approver may make them the resident: the web account goes onto that person.
    data(await k.approve(sent.registration, k.lead, resident.id));
    expect(await k.h.store.people.get(resident.id)).toMatchObject({ username: phone, openid: null });
    expect(data(await k.h.call<SignedIn>('auth', 'signIn', { username: phone, password: PASSWORD })).me.person.id).toBe(resident.id);
  });

  it('after a rejection, submits again with its key and reads both', async () => {
    const phone = freshPhone();
    const first = data(await k.submit({ codeId: (await k.code()).id, name: '罗再试', phone, password: PASSWORD }));
    data(await k.reject(first.registration, '请写全门牌号'));
    // The rejected one keeps no password.
    expect((await k.h.store.registrations.get(first.registration.id))!.passwordHash).toBeNull();
    k.h.clock.advance(60_000);
    const second = data(await k.submit({ codeId: (await k.code()).id, name: '罗再试', phone, password: PASSWORD, key: first.key! }));
    expect(second).toMatchObject({ created: true, key: null, registration: { status: 'pending' } });
    expect(data(await k.mine({}, first.key!)).registrations.map((r) => [r.status, r.rejectReason])).toEqual([
      ['pending', null],
      ['rejected', '请写全门牌号'],
    ]);
    expect((await k.queue()).find((r) => r.id === second.registration.id)!.rejectedBefore).toEqual([{ at: expect.any(Number), reason: '请写全门牌号' }]);
  });
});
