/**
 * Deciding registrations: the building's lead (or staff above it) approves — the applicant becomes a
 * resident with their door, in one step, and is told — or rejects with a reason the applicant reads;
 * a rejection gives the code's use back and the applicant may try again. A WeChat user nobody knows
 * is told how to register, and staff can take a WeChat user off a person whose phone changed hands.
 */
import type { Me, NotRegistered, PersonView } from '../../src/core';
import { unit } from '../support/factories';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure } from '../support/harness';
import { DOOR, freshPhone, phoneCode, registrationKit, stranger, type RegistrationKit } from './support/registration';

let k: RegistrationKit;
beforeAll(async () => {
  k = await registrationKit();
});
afterAll(() => k.h.close());

const uses = async (codeId: string) => (await k.h.store.codes.get(codeId))!.uses;

/** A person with a login bound as `role` on `unitId`. */
let made = 0;
async function signedIn(role: 'building_lead' | 'community_staff', unitId: string): Promise<Credentials> {
  const n = ++made;
  await k.h.store.people.insert({ id: `per_appr${n}`, name: `审核人${n}`, phone: null, username: `appr${n}`, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('approver-pass'));
  await k.h.store.bindings.insert({ id: `bnd_appr${n}`, personId: `per_appr${n}`, unitId, role, createdAt: 0, createdBy: null });
  return { token: data(await k.h.call<{ token: string }>('auth', 'signIn', { username: `appr${n}`, password: 'approver-pass' })).token };
}

describe('the way in for a WeChat user', () => {
  it('goes from a scanned code to a resident who files a report', async () => {
    const wx = stranger();
    const before = data(await k.h.call<NotRegistered>('auth', 'whoAmI', {}, wx));
    expect(before).toMatchObject({ registered: false, registration: null });
    expect(before.howToRegister).toMatch(/楼栋码/);
    expectFailure(await k.h.call('reports', 'mine', {}, wx), 'AUTH.NOT_REGISTERED');

    const code = await k.code();
    const phone = freshPhone();
    const sent = data(await k.submit({ codeId: code.id, name: '鲁新来', phoneCode: phoneCode(phone) }, wx));
    expect(sent.registration).toMatchObject({ status: 'pending', phoneVerified: true });
    expect(data(await k.h.call<NotRegistered>('auth', 'whoAmI', {}, wx))).toMatchObject({ registered: false, registration: { id: sent.registration.id, status: 'pending' } });

    const item = (await k.queue()).find((r) => r.id === sent.registration.id)!;
    expect(item).toMatchObject({ phone, matches: [], rejectedBefore: [], applicant: null });
    const approved = data(await k.approve(item));
    expect(approved).toMatchObject({ status: 'approved', statusLabel: '已通过', autoApproved: null });

    const me = data(await k.h.call<Me>('auth', 'whoAmI', {}, wx));
    expect(me).toMatchObject({ registered: true, person: { name: '鲁新来', phone }, bindings: [{ role: 'resident', unit: { id: k.building.id } }] });
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    expect(person).toMatchObject({ createdInUnitId: k.building.id, demo: false, username: null });
    expect((await k.h.store.bindings.find(person.id, k.building.id, 'resident'))!.door).toEqual(DOOR);
    expect((await k.h.store.messages.listForPerson(person.id, 10))[0]).toMatchObject({ kind: 'registration.approved', page: 'pages/index/index' });
    const [entry] = await k.h.store.audit.search({ targetId: approved.id, action: 'registration.approve' }, 10);
    expect(entry).toMatchObject({ actorId: (await k.h.store.people.findByUsername('louzhang'))!.id, detail: { personId: person.id, as: 'new' } });

    const filed = await k.h.call('reports', 'create', { clientRequestId: 'reg-path-1', unitId: k.building.id, category: 'noise', description: '楼上半夜有人敲墙，影响休息' }, wx);
    expect(filed).toMatchObject({ ok: true, data: { created: true } });
    expect(data(await k.mine(wx)).registrations.map((r) => r.status)).toEqual(['approved']);
  });

  it('makes the applicant the imported resident the approver picks from the matches', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('葛导入', phone);
    const wx = stranger();
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '葛导入', phone }, wx));
    const item = (await k.queue()).find((r) => r.id === sent.registration.id)!;
    expect(item.matches.map((m) => m.id)).toEqual([resident.id]);
    data(await k.approve(item, k.lead, resident.id));
    expect((await k.h.store.people.get(resident.id))!.openid).toBe(wx.openid);
    expect((await k.h.store.bindings.find(resident.id, k.building.id, 'resident'))!.door).toEqual(DOOR);
  });

  it('says the resident is taken when someone else claimed them first, and writes nothing', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('范被抢', phone);
    const code = await k.code();
    const slow = stranger();
    k.watch(slow);
    const pending = data(await k.submit({ codeId: code.id, name: '范被抢', phone }, slow)).registration;
    // Meanwhile the resident's own WeChat, verified, approves itself.
    expect(data(await k.submit({ codeId: code.id, name: '范被抢', phoneCode: phoneCode(phone) }, stranger())).registration.status).toBe('approved');
    await k.writesNothing(async () => expectFailure(await k.approve(pending, k.lead, resident.id), 'REGISTRATION.PERSON_TAKEN', 'personId'));
  });

  it('lets community staff above the building decide too, from their whole queue or one unit of it', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '彭上级', phone: freshPhone() }, stranger()));
    const shequ = await k.h.as('shequ');
    expect((await k.queue(shequ)).map((r) => r.id)).toContain(sent.registration.id);
    expect((await k.queue(shequ, k.building.id)).map((r) => r.id)).toContain(sent.registration.id);
    expect((await k.queue(shequ, k.otherBuilding.id)).map((r) => r.id)).not.toContain(sent.registration.id);
    expect(data(await k.approve(sent.registration, shequ)).status).toBe('approved');
  });
});

describe('approving twice, late or from elsewhere', () => {
  it('refuses a second decision: it is decided already', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '韦两次', phone: freshPhone() }, stranger()));
    data(await k.approve(sent.registration));
    await k.writesNothing(async () => {
      expectFailure(await k.approve(sent.registration), 'REGISTRATION.ALREADY_DECIDED');
      expectFailure(await k.reject(sent.registration, '重复'), 'REGISTRATION.ALREADY_DECIDED');
    });
  });

  it('lets one of two approvers deciding at once win', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '昌同时', phone: freshPhone() }, stranger()));
    const [a, b] = await Promise.all([k.approve(sent.registration), k.approve(sent.registration, await k.h.as('shequ'))]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expectFailure(a.ok ? b : a, 'REGISTRATION.ALREADY_DECIDED');
    expect(await k.h.store.people.findByOpenid((await k.h.store.registrations.get(sent.registration.id))!.openid!)).toBeTruthy();
  });

  it('refuses a stale version while it is still pending', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '马旧版', phone: freshPhone() }, stranger()));
    await k.writesNothing(async () => expectFailure(await k.approve({ id: sent.registration.id, version: 7 }), 'CONFLICT.VERSION'));
  });

  it('refuses the lead of another building, a resident and a stranger, and nothing is written', async () => {
    const wx = stranger();
    k.watch(wx);
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '苗别楼', phone: freshPhone() }, wx));
    const otherLead = await signedIn('building_lead', k.otherBuilding.id);
    const jumin = await k.h.as('jumin');
    await k.writesNothing(async () => {
      expectFailure(await k.approve(sent.registration, otherLead), 'AUTH.FORBIDDEN');
      expectFailure(await k.reject(sent.registration, '不认识', otherLead), 'AUTH.FORBIDDEN');
      expectFailure(await k.approve(sent.registration, jumin), 'AUTH.FORBIDDEN');
      expectFailure(await k.approve(sent.registration, wx), 'AUTH.NOT_REGISTERED');
    });
    expect((await k.queue(otherLead)).map((r) => r.id)).not.toContain(sent.registration.id);
    expectFailure(await k.h.call('registration', 'pending', { unitId: k.building.id }, otherLead), 'AUTH.FORBIDDEN');
    expectFailure(await k.h.call('registration', 'pending', {}, jumin), 'AUTH.FORBIDDEN');
  });

  it('does not know an id that is no registration', async () => {
    await k.writesNothing(async () => {
      expectFailure(await k.approve({ id: 'reg_nothing', version: 1 }), 'REGISTRATION.NOT_FOUND', 'id');
      expectFailure(await k.reject({ id: 'reg_nothing', version: 1 }, '没有'), 'REGISTRATION.NOT_FOUND', 'id');
    });
  });

  it('refuses to make the applicant someone who is not among the matches', async () => {
    const stranger2 = await k.importResident('詹无关', freshPhone());
    const wx = stranger();
    k.watch(wx);
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '詹冒名', phone: freshPhone() }, wx));
    await k.writesNothing(async () => {
      expectFailure(await k.approve(sent.registration, k.lead, stranger2.id), 'INPUT.INVALID', 'personId');
      expectFailure(await k.approve(sent.registration, k.lead, 'per_nobody'), 'INPUT.INVALID', 'personId');
    });
  });
});

describe('rejecting', () => {
  it('tells the applicant why, gives the code’s use back, and lets them try again', async () => {
    const code = await k.code(k.building.id, { useLimit: 1 });
    const wx = stranger();
    const first = data(await k.submit({ codeId: code.id, name: '任拒绝', phone: freshPhone(), door: { entrance: '9', floor: 1, room: '101' } }, wx));
    expect(await uses(code.id)).toBe(1);
    const rejected = data(await k.reject(first.registration, '1号楼没有 9 单元，请核对门牌'));
    expect(rejected).toMatchObject({ status: 'rejected', statusLabel: '未通过', rejectReason: '1号楼没有 9 单元，请核对门牌' });
    expect(await uses(code.id)).toBe(0);
    const [entry] = await k.h.store.audit.search({ targetId: first.registration.id, action: 'registration.reject' }, 10);
    expect(entry.detail).toMatchObject({ reason: '1号楼没有 9 单元，请核对门牌' });

    expect(data(await k.mine(wx)).registrations[0]).toMatchObject({ id: first.registration.id, status: 'rejected', rejectReason: '1号楼没有 9 单元，请核对门牌' });
    expect(data(await k.h.call<NotRegistered>('auth', 'whoAmI', {}, wx)).registration).toMatchObject({ status: 'rejected', rejectReason: '1号楼没有 9 单元，请核对门牌' });

    k.h.clock.advance(60_000);
    const second = data(await k.submit({ codeId: code.id, name: '任拒绝', phone: freshPhone() }, wx));
    expect(second).toMatchObject({ created: true, registration: { status: 'pending' } });
    expect(data(await k.mine(wx)).registrations.map((r) => r.status)).toEqual(['pending', 'rejected']);
    const item = (await k.queue()).find((r) => r.id === second.registration.id)!;
    expect(item.rejectedBefore).toEqual([{ at: expect.any(Number), reason: '1号楼没有 9 单元，请核对门牌' }]);
  });

  it('tells an applicant who is a person already by a message', async () => {
    const jumin = await k.h.as('jumin');
    const sun = (await k.h.store.people.findByUsername('jumin'))!;
    const sent = data(await k.submit({ codeId: (await k.code(k.otherBuilding.id)).id, name: sun.name, phone: sun.phone! }, jumin));
    data(await k.reject(sent.registration, '您不住这栋楼', await k.h.as('zhibu')));
    expect((await k.h.store.messages.listForPerson(sun.id, 5))[0]).toMatchObject({ kind: 'registration.rejected', title: '登记未通过', page: 'register/status/index' });
    expect((await k.h.store.messages.listForPerson(sun.id, 5))[0].body).toContain('您不住这栋楼');
  });
});

describe('a WeChat user who is nobody yet', () => {
  it('reads whoAmI as not registered with the way to register; actions for people refuse with the same way', async () => {
    const wx = stranger();
    expect(data(await k.h.call<NotRegistered>('auth', 'whoAmI', {}, wx))).toEqual({ registered: false, howToRegister: expect.stringContaining('楼栋长审核'), registration: null });
    const refused = await k.h.call('reports', 'mine', {}, wx);
    expectFailure(refused, 'AUTH.NOT_REGISTERED');
    expect(!refused.ok && refused.message).toMatch(/楼栋码/);
    expectFailure(await k.h.call('auth', 'whoAmI', {}, {}), 'AUTH.REQUIRED');
    expectFailure(await k.mine({}), 'AUTH.REQUIRED');
  });
});

describe('unbinding a WeChat user from a person', () => {
  async function boundResident(name: string) {
    const person = await k.importResident(name, freshPhone());
    const wx = stranger();
    const sent = data(await k.submit({ codeId: (await k.personalCode(person.id)).id, name, phone: freshPhone() }, wx));
    expect(sent.registration.status).toBe('approved');
    return { person, wx };
  }

  it('takes the WeChat user off, audited with the reason: they are nobody again', async () => {
    const { person, wx } = await boundResident('卜换机');
    const shequ = await k.h.as('shequ');
    // Staff see that a WeChat user signs in as them (never the openid): what offers 解绑微信.
    expect(data(await k.h.call<PersonView[]>('people', 'search', { q: '卜换机' }, shequ))).toEqual([expect.objectContaining({ id: person.id, wechatBound: true })]);
    const view = data(await k.h.call<PersonView>('people', 'unbindWechat', { personId: person.id, reason: '手机转给了孙子' }, shequ));
    expect(view).toEqual({ id: person.id, name: '卜换机', phone: person.phone, username: null, wechatBound: false });
    expect((await k.h.store.people.get(person.id))!.openid).toBeNull();
    const [entry] = await k.h.store.audit.search({ targetId: person.id, action: 'people.unbindWechat' }, 5);
    expect(entry).toMatchObject({ detail: { reason: '手机转给了孙子' }, unitPath: k.building.path });
    expect(data(await k.h.call<NotRegistered>('auth', 'whoAmI', {}, wx))).toMatchObject({ registered: false, registration: null });
    // Nothing bound any more: said plainly.
    await k.writesNothing(async () => expectFailure(await k.h.call('people', 'unbindWechat', { personId: person.id, reason: '再解一次' }, shequ), 'INPUT.INVALID', 'personId'));
  });

  it('is refused outside the caller’s reach as if the person did not exist, and to those who do not manage people', async () => {
    const { person } = await boundResident('臧在外');
    k.seen.people.add(person.id);
    const otherStaff = await signedIn('community_staff', await otherCommunity());
    await k.writesNothing(async () => {
      expectFailure(await k.h.call('people', 'unbindWechat', { personId: person.id, reason: '试试' }, otherStaff), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await k.h.call('people', 'unbindWechat', { personId: 'per_nobody', reason: '试试' }, otherStaff), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await k.h.call('people', 'unbindWechat', { personId: person.id, reason: '试试' }, k.lead), 'AUTH.FORBIDDEN');
      expectFailure(await k.h.call('people', 'unbindWechat', { personId: person.id, reason: ' ' }, await k.h.as('shequ')), 'INPUT.INVALID', 'reason');
    });
  });
});

/** A community of the demo street other than 阳光社区. */
async function otherCommunity(): Promise<string> {
  const street = await k.h.unitNamed('幸福街道');
  const c = unit(street, 'community', '和睦社区');
  await k.h.store.units.insert(c);
  return c.id;
}
