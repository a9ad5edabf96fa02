/**
 * Submitting a registration: a WeChat user nobody knows waits in the building's queue, unless they
 * can only be one person — a personal code's own person by name, or the one unclaimed resident whose
 * phone WeChat verified. A typed phone never approves itself. One pending registration per applicant.
 * Deciding: registration-approval.test.ts; web accounts: registration-web.test.ts; refusals:
 * registration-refusals.test.ts.
 */
import type { Me, Submitted } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { DOOR, freshPhone, phoneCode, registrationKit, stranger, type RegistrationKit } from './support/registration';

let k: RegistrationKit;
beforeAll(async () => {
  k = await registrationKit();
});
afterAll(() => k.h.close());

const uses = async (codeId: string) => (await k.h.store.codes.get(codeId))!.uses;
const messagesOf = async (personId: string) => k.h.store.messages.listForPerson(personId, 50);
const leadId = async () => (await k.h.store.people.findByUsername('louzhang'))!.id;

describe('a WeChat user with a building code', () => {
  it('waits in the queue with a typed phone, masked on their own screen, and the lead is told', async () => {
    const code = await k.code();
    const wx = stranger();
    const phone = freshPhone();
    const before = (await messagesOf(await leadId())).length;
    const sent = data(await k.submit({ codeId: code.id, name: '  钱多多 ', phone }, wx));
    expect(sent).toMatchObject({ created: true, key: null, me: null });
    expect(sent.registration).toMatchObject({
      status: 'pending',
      statusLabel: '等待审核',
      name: '钱多多',
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      phoneVerified: false,
      autoApproved: null,
      door: DOOR,
      doorLabel: '2单元 5层 502室',
      building: { id: k.building.id, name: '1号楼' },
      trail: '阳光社区 幸福里小区 1号楼',
    });
    expect(await uses(code.id)).toBe(1);
    const told = await messagesOf(await leadId());
    expect(told.length).toBe(before + 1);
    expect(told[0]).toMatchObject({ kind: 'registration.pending', page: 'handler/approvals/index' });
    expect(told[0].body).toContain('钱多多');
    const [entry] = await k.h.store.audit.search({ targetId: sent.registration.id }, 10);
    expect(entry).toMatchObject({ action: 'registration.submit', actorId: null, targetKind: 'registration', unitPath: k.building.path });
  });

  it('answers a second submit with the pending one and writes nothing more', async () => {
    const code = await k.code();
    const wx = stranger();
    k.watch(wx);
    const first = data(await k.submit({ codeId: code.id, name: '孔再来', phone: freshPhone() }, wx));
    const again = await k.writesNothing(async () => data(await k.submit({ codeId: code.id, name: '孔再来', phone: freshPhone() }, wx)));
    expect(again).toMatchObject({ created: false, key: null, me: null });
    expect(again.registration.id).toBe(first.registration.id);
    expect(await uses(code.id)).toBe(1);
  });

  it('keeps one pending registration when the same WeChat user submits many times at once', async () => {
    const code = await k.code();
    const wx = stranger();
    const all = await Promise.all(Array.from({ length: 8 }, () => k.submit({ codeId: code.id, name: '曹同时', phone: freshPhone() }, wx)));
    const ids = new Set(all.map((r) => data(r).registration.id));
    expect(ids.size).toBe(1);
    expect(all.filter((r) => data(r).created)).toHaveLength(1);
    expect(await k.h.store.registrations.listForOpenid(wx.openid!)).toHaveLength(1);
    // The uses of the submits that lost were given back.
    expect(await uses(code.id)).toBe(1);
  });

  it('approves itself when the phone WeChat verified is the one unclaimed resident’s', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('严实名', phone);
    const code = await k.code();
    const wx = stranger();
    const sent = data(await k.submit({ codeId: code.id, name: '严实名', phoneCode: phoneCode(phone) }, wx));
    expect(sent.registration).toMatchObject({ status: 'approved', autoApproved: 'verified_phone', phoneVerified: true });
    expect(sent.me).toMatchObject({ registered: true, person: { id: resident.id, name: '严实名' } });
    expect((await k.h.store.people.get(resident.id))!.openid).toBe(wx.openid);
    expect(await k.h.store.bindings.find(resident.id, k.building.id, 'resident')).toBeTruthy();
    const me = data(await k.h.call<Me>('auth', 'whoAmI', {}, wx));
    expect(me).toMatchObject({ registered: true, person: { id: resident.id } });
    const [approved] = await k.h.store.audit.search({ targetId: sent.registration.id, action: 'registration.approve' }, 10);
    expect(approved.detail).toMatchObject({ personId: resident.id, autoApproved: 'verified_phone' });
    expect((await messagesOf(resident.id))[0]).toMatchObject({ kind: 'registration.approved', title: '登记已通过' });
  });

  it('waits when the same phone is only typed: knowing a neighbour’s number is not being them', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('尤邻居', phone);
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '尤邻居', phone }, stranger()));
    expect(sent.registration).toMatchObject({ status: 'pending', phoneVerified: false });
    expect((await k.h.store.people.get(resident.id))!.openid).toBeNull();
    const item = (await k.queue()).find((r) => r.id === sent.registration.id)!;
    expect(item.phone).toBe(phone);
    expect(item.matches).toEqual([{ id: resident.id, name: '尤邻居', phone }]);
  });

  it('waits when the verified phone matches two unclaimed residents: a person must say which', async () => {
    const phone = freshPhone();
    await k.importResident('许大', phone);
    await k.importResident('许二', phone);
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '许大', phoneCode: phoneCode(phone) }, stranger()));
    expect(sent.registration).toMatchObject({ status: 'pending', phoneVerified: true });
    expect((await k.queue()).find((r) => r.id === sent.registration.id)!.matches.map((m) => m.name).sort()).toEqual(['许二', '许大'].sort());
  });

  it('lets one of two WeChat users racing for the same imported resident win; the other waits in the queue', async () => {
    const phone = freshPhone();
    const resident = await k.importResident('何争先', phone);
    const code = await k.code();
    const [a, b] = [stranger(), stranger()];
    const results = await Promise.all([
      k.submit({ codeId: code.id, name: '何争先', phoneCode: phoneCode(phone) }, a),
      k.submit({ codeId: code.id, name: '何争先', phoneCode: phoneCode(phone) }, b),
    ]);
    const statuses = results.map((r) => data(r).registration.status).sort();
    expect(statuses).toEqual(['approved', 'pending']);
    const winner = data(results.find((r) => data(r).registration.status === 'approved')!) as Submitted;
    const winnerOpenid = winner === data(results[0]) ? a.openid : b.openid;
    expect((await k.h.store.people.get(resident.id))!.openid).toBe(winnerOpenid);
    expect(await uses(code.id)).toBe(2);
    // The one who waits is a stranger still, with their registration pending.
    const loser = winnerOpenid === a.openid ? b : a;
    expect(data(await k.h.call('auth', 'whoAmI', {}, loser))).toMatchObject({ registered: false, registration: { status: 'pending' } });
  });
});

describe('a personal code', () => {
  it('approves its own person by the name they type (spaces forgiven), once', async () => {
    const person = await k.importResident('柏个人', null);
    const code = await k.personalCode(person.id);
    const wx = stranger();
    const sent = data(await k.submit({ codeId: code.id, name: ' 柏个人 ', phone: freshPhone() }, wx));
    expect(sent.registration).toMatchObject({ status: 'approved', autoApproved: 'personal_code' });
    expect(sent.me).toMatchObject({ registered: true, person: { id: person.id } });
    expect((await k.h.store.people.get(person.id))!.openid).toBe(wx.openid);
    expectFailure(await k.submit({ codeId: code.id, name: '柏个人', phone: freshPhone() }, stranger()), 'CODE.USED_UP');
  });

  it('waits in the queue when the name differs, with the code’s person offered to the approver', async () => {
    const person = await k.importResident('水个人', null);
    const code = await k.personalCode(person.id);
    const sent = data(await k.submit({ codeId: code.id, name: '水别人', phone: freshPhone() }, stranger()));
    expect(sent.registration).toMatchObject({ status: 'pending', autoApproved: null });
    expect((await k.h.store.people.get(person.id))!.openid).toBeNull();
    expect((await k.queue()).find((r) => r.id === sent.registration.id)!.matches).toEqual([{ id: person.id, name: '水个人', phone: null }]);
  });
});

describe('a registered resident', () => {
  it('registers a second household from another building’s code, approved the same way', async () => {
    const jumin = await k.h.as('jumin');
    const sun = (await k.h.store.people.findByUsername('jumin'))!;
    k.seen.people.add(sun.id);
    const code = await k.code(k.otherBuilding.id);
    const door = { entrance: '', floor: 3, room: '301' };
    const sent = data(await k.submit({ codeId: code.id, name: sun.name, phone: sun.phone!, door }, jumin));
    expect(sent.registration).toMatchObject({ status: 'pending', building: { id: k.otherBuilding.id } });
    expect(data(await k.mine(jumin)).registrations.map((r) => r.id)).toContain(sent.registration.id);
    // 2号楼 has no lead: the compound's secretary is told, not the community.
    const zhibu = (await k.h.store.people.findByUsername('zhibu'))!.id;
    expect((await messagesOf(zhibu))[0]).toMatchObject({ kind: 'registration.pending' });
    expect((await messagesOf((await k.h.store.people.findByUsername('shequ'))!.id)).filter((m) => m.kind === 'registration.pending')).toEqual([]);

    const secretary = await k.h.as('zhibu');
    const item = (await k.queue(secretary)).find((r) => r.id === sent.registration.id)!;
    expect(item.applicant).toEqual({ id: sun.id, name: sun.name });
    const approved = data(await k.approve(item, secretary));
    expect(approved.status).toBe('approved');
    expect((await k.h.store.bindings.find(sun.id, k.otherBuilding.id, 'resident'))!.door).toEqual(door);
    // Still one person: the same login, now living in both buildings.
    const me = data(await k.h.call<Me>('auth', 'whoAmI', {}, jumin));
    expect(me.person.id).toBe(sun.id);
    expect((await k.h.store.bindings.listForPerson(sun.id)).filter((b) => b.role === 'resident').map((b) => b.unitId).sort()).toEqual([k.building.id, k.otherBuilding.id].sort());
    expect((await messagesOf(sun.id))[0]).toMatchObject({ kind: 'registration.approved' });
  });

  it('is told they live in the building already, and nothing is written', async () => {
    const jumin = await k.h.as('jumin');
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '孙福贵', phone: '13800000007' }, jumin), 'REGISTRATION.ALREADY_RESIDENT'));
  });
});
