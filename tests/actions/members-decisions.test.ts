/**
 * Deciding check-ins and ending them: the branch secretary (or the community secretary) approves or
 * returns with a reason the member reads — the code's use goes back — and later transfers a member
 * out (转出) or withdraws them (撤回) with a date and a reason: the member role goes, the record and
 * its history stay, and a member who comes back checks in again beside them. A secretary elsewhere,
 * a second decision, a stale one, a bad date: each a clear code, nothing written.
 */
import type { CheckinView, Me, Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { freshPhone, membersKit, phoneCode, stranger, type MembersKit } from './support/members';

let k: MembersKit;
beforeAll(async () => {
  k = await membersKit();
});
afterAll(() => k.h.close());

const uses = async (codeId: string) => (await k.h.store.codes.get(codeId))!.uses;
const TODAY = '2026-11-23';

describe('returning a check-in', () => {
  it('returns it with a reason the member reads in 我的报到, gives the code’s use back, and lets them check in again', async () => {
    const wx = stranger();
    const code = await k.code();
    const sent = data(await k.submit({ codeId: code.id, name: '韩退回', branch: { name: '党支部' } }, wx));
    expect(await uses(code.id)).toBe(1);
    const returned = data(await k.giveBack(sent.checkin, '请写全组织关系所在党支部的名称'));
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '已退回', reason: '请写全组织关系所在党支部的名称', person: null });
    expect(await uses(code.id)).toBe(0);
    const mine = data(await k.mine(wx));
    expect(mine.checkins[0]).toMatchObject({ id: sent.checkin.id, status: 'returned', reason: '请写全组织关系所在党支部的名称' });
    expect(mine.checkins[0].history.map((h) => [h.status, h.reason])).toEqual([
      ['pending', null],
      ['returned', '请写全组织关系所在党支部的名称'],
    ]);
    const [entry] = await k.h.store.audit.search({ targetId: sent.checkin.id, action: 'checkin.return' }, 5);
    expect(entry).toMatchObject({ targetKind: 'checkin', detail: { reason: '请写全组织关系所在党支部的名称' } });

    const again = data(await k.submit({ codeId: code.id, name: '韩退回', branch: { name: '市供电公司第三党支部' } }, wx));
    expect(again).toMatchObject({ created: true, checkin: { status: 'pending' } });
    expect((await k.queue()).find((c) => c.id === again.checkin.id)!.earlier).toEqual([
      { id: sent.checkin.id, status: 'returned', statusLabel: '已退回', unitName: '幸福里小区', at: expect.any(Number), reason: '请写全组织关系所在党支部的名称' },
    ]);
  });

  it('tells a member who is a person already why it was returned', async () => {
    const jumin = await k.h.as('jumin');
    const person = (await k.h.store.people.findByUsername('jumin'))!;
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '孙福贵' }, jumin));
    data(await k.giveBack(sent.checkin, '您的党员类型应为离退休'));
    expect((await k.h.store.messages.listForPerson(person.id, 5))[0]).toMatchObject({ kind: 'checkin.returned', title: '报到被退回', body: expect.stringContaining('您的党员类型应为离退休') });
  });
});

describe('who decides', () => {
  it('refuses a secretary of another compound, a building lead, community staff, a resident and a volunteer, each told what to do, and writes nothing', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '卫别处' }, stranger()));
    const creds = {
      other: k.otherSecretary.cred,
      lead: await k.h.as('louzhang'),
      staff: await k.h.as('shequ'),
      resident: await k.h.as('jumin'),
      volunteer: await k.h.as('zhiyuan'),
      member: await k.h.as('dangyuan'),
    };
    await k.writesNothing(async () => {
      const other = await k.approve(sent.checkin, creds.other);
      expectFailure(other, 'AUTH.FORBIDDEN');
      if (!other.ok) expect(other.message).toMatch(/幸福里小区/);
      expectFailure(await k.giveBack(sent.checkin, '不归我', creds.other), 'AUTH.FORBIDDEN');
      for (const cred of [creds.lead, creds.staff, creds.resident, creds.volunteer]) {
        const r = await k.approve(sent.checkin, cred);
        expectFailure(r, 'AUTH.FORBIDDEN');
        if (!r.ok) expect(r.message).toMatch(/党支部书记/);
      }
      const member = await k.approve(sent.checkin, creds.member);
      expectFailure(member, 'AUTH.FORBIDDEN');
      if (!member.ok) expect(member.message).toMatch(/我的报到/);
      expectFailure(await k.h.call('members', 'pending', {}, creds.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.h.call('members', 'pending', { unitId: k.compound.id }, creds.other), 'AUTH.FORBIDDEN');
    });
    // Their own queue does not hold it; the community secretary's does.
    expect((await k.queue(creds.other)).map((c) => c.id)).not.toContain(sent.checkin.id);
    expect((await k.queue(k.communitySecretary)).map((c) => c.id)).toContain(sent.checkin.id);
    expect((await k.queue(k.communitySecretary, k.otherCompound.id)).map((c) => c.id)).not.toContain(sent.checkin.id);
  });

  it('refuses a compound’s secretary a 直管 member of the community', async () => {
    const sent = data(await k.submit({ codeId: (await k.code(k.community)).id, name: '蒋直管', memberType: 'direct' }, stranger()));
    await k.writesNothing(async () => expectFailure(await k.approve(sent.checkin, k.secretary), 'AUTH.FORBIDDEN'));
    expect(data(await k.approve(sent.checkin, k.communitySecretary)).status).toBe('approved');
  });
});

describe('approving twice, at once or late', () => {
  it('refuses a second decision: it is decided already', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '沈两次' }, stranger()));
    data(await k.approve(sent.checkin));
    await k.writesNothing(async () => {
      const again = await k.approve(sent.checkin);
      expectFailure(again, 'CHECKIN.ALREADY_DECIDED');
      if (!again.ok) expect(again.message).toMatch(/已报到/);
      expectFailure(await k.giveBack(sent.checkin, '重复'), 'CHECKIN.ALREADY_DECIDED');
      expectFailure(await k.approve({ id: 'chk_missing', version: 1 }), 'CHECKIN.NOT_FOUND', 'id');
    });
  });

  it('lets one of two approvers deciding at once win: one person, one binding', async () => {
    const wx = stranger();
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '韦同时' }, wx));
    const [a, b] = await Promise.all([k.approve(sent.checkin), k.approve(sent.checkin, k.communitySecretary)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expectFailure(a.ok ? b : a, 'CHECKIN.ALREADY_DECIDED');
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    expect(await k.h.store.bindings.listForPerson(person.id)).toHaveLength(1);
    expect((await k.h.store.checkins.get(sent.checkin.id))!.history.map((h) => h.status)).toEqual(['pending', 'approved']);
  });

  it('refuses a stale version while it is still pending', async () => {
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '杨旧版' }, stranger()));
    await k.writesNothing(async () => expectFailure(await k.approve({ id: sent.checkin.id, version: 7 }), 'CONFLICT.VERSION'));
  });
});

describe('who the member becomes', () => {
  it('makes the applicant the unclaimed resident with their phone the secretary picks, and refuses anyone else', async () => {
    const phone = freshPhone();
    const resident = { id: 'per_dec_imp1', name: '朱住户', phone, username: null, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 };
    await k.h.store.people.insert(resident, null);
    await k.h.store.bindings.insert({ id: 'bnd_dec_imp1', personId: resident.id, unitId: k.building.id, role: 'resident', createdAt: 0, createdBy: null });
    const wx = stranger();
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '朱住户', phoneCode: phoneCode(phone) }, wx));
    const item = (await k.queue()).find((c) => c.id === sent.checkin.id)!;
    expect(item.matches).toEqual([{ id: resident.id, name: '朱住户', phone }]);
    const someoneElse = (await k.h.store.people.findByUsername('jumin'))!;
    await k.writesNothing(async () => expectFailure(await k.approve(item, k.secretary, someoneElse.id), 'INPUT.INVALID', 'personId'));
    data(await k.approve(item, k.secretary, resident.id));
    expect((await k.h.store.people.get(resident.id))!.openid).toBe(wx.openid);
    expect((await k.h.store.bindings.listForPerson(resident.id)).map((b) => b.role).sort()).toEqual(['member', 'resident']);
  });

  it('binds a WeChat user who registered as a resident while waiting to the person they became', async () => {
    const wx = stranger();
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '秦后登记' }, wx));
    // Meanwhile their building's lead approved their registration: their WeChat is a person now.
    const building = data(await k.h.call<{ id: string }>('codes', 'create', { unitId: k.building.id, purpose: 'building' }, await k.h.as('louzhang')));
    const reg = data(await k.h.call<Outputs['registration']['submit']>('registration', 'submit', { codeId: building.id, name: '秦后登记', phone: freshPhone(), door: { entrance: '1', floor: 2, room: '201' } }, wx));
    data(await k.h.call('registration', 'approve', { id: reg.registration.id, version: reg.registration.version }, await k.h.as('louzhang')));
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    expect(data(await k.approve(sent.checkin))).toMatchObject({ person: { id: person.id } });
    expect((await k.h.store.bindings.listForPerson(person.id)).map((b) => b.role).sort()).toEqual(['member', 'resident']);
  });
});

describe('transferring out and withdrawing', () => {
  it('transfers a member out: the binding goes, the record and its history stay, and they are told', async () => {
    const { wx, checkin } = await k.member({ name: '何转出', memberType: 'mobile' });
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    const out = data(await k.transferOut(checkin, TODAY, '组织关系转往郑州'));
    expect(out).toMatchObject({ status: 'transferred_out', statusLabel: '已转出', reason: '组织关系转往郑州', endedOn: TODAY, person: { id: person.id } });
    expect(out.history.map((h) => [h.status, h.date, h.reason])).toEqual([
      ['pending', null, null],
      ['approved', null, null],
      ['transferred_out', TODAY, '组织关系转往郑州'],
    ]);
    expect(await k.h.store.bindings.find(person.id, k.compound.id, 'member')).toBeNull();
    // No more permissions: they are a person with no roles.
    expect(data(await k.h.call<Me>('auth', 'whoAmI', {}, wx)).bindings).toEqual([]);
    expect((await k.h.store.messages.listForPerson(person.id, 5))[0]).toMatchObject({ kind: 'checkin.transferred_out', title: '已办理转出' });
    const [entry] = await k.h.store.audit.search({ targetId: checkin.id, action: 'checkin.transferOut' }, 5);
    expect(entry).toMatchObject({ detail: { date: TODAY, reason: '组织关系转往郑州', personId: person.id } });
    // Off the roster of members; on the list of those transferred out.
    const roster = async (statuses?: string[]) =>
      data(await k.h.call<Outputs['members']['roster']>('members', 'roster', statuses ? { statuses } : {}, k.secretary)).rows.map((r) => r.id);
    expect(await roster()).not.toContain(checkin.id);
    expect(await roster(['transferred_out'])).toContain(checkin.id);
    expect(data(await k.mine(wx)).checkins[0]).toMatchObject({ status: 'transferred_out', reason: '组织关系转往郑州', endedOn: TODAY });
  });

  it('refuses ending a pending or ended check-in, a bad date, and a secretary elsewhere, and writes nothing', async () => {
    const { checkin } = await k.member({ name: '吕日期' });
    const pending = data(await k.submit({ codeId: (await k.code()).id, name: '吕待审' }, stranger())).checkin;
    await k.writesNothing(async () => {
      const notYet = await k.transferOut(pending, TODAY, '转走');
      expectFailure(notYet, 'CHECKIN.NOT_APPROVED');
      if (!notYet.ok) expect(notYet.message).toMatch(/等待审核/);
      expectFailure(await k.transferOut(checkin, '2026-11-24', '明天才走'), 'CHECKIN.BAD_DATE', 'date');
      expectFailure(await k.transferOut(checkin, '2026-11-22', '报到前就走了'), 'CHECKIN.BAD_DATE', 'date');
      expectFailure(await k.withdraw(checkin, '2026-02-30', '没有这天'), 'CHECKIN.BAD_DATE', 'date');
      expectFailure(await k.withdraw(checkin, '2026/11/23', '格式'), 'INPUT.INVALID', 'date');
      expectFailure(await k.withdraw(checkin, TODAY, '   '), 'INPUT.INVALID', 'reason');
      expectFailure(await k.transferOut(checkin, TODAY, '不归我', k.otherSecretary.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.transferOut({ id: checkin.id, version: 1 }, TODAY, '旧版本'), 'CONFLICT.VERSION');
    });
    const ended = data(await k.withdraw(checkin, TODAY, '单位召回'));
    await k.writesNothing(async () => {
      const twice = await k.transferOut(ended, TODAY, '再转');
      expectFailure(twice, 'CHECKIN.NOT_APPROVED');
      if (!twice.ok) expect(twice.message).toMatch(/已撤回/);
    });
  });

  it('lets a withdrawn member check in again and keep their history; approval binds the same person again', async () => {
    const { wx, checkin: first } = await k.member({ name: '施回来', memberType: 'in_service' });
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    data(await k.withdraw(first, TODAY, '外出务工'));
    const back = data(await k.submit({ codeId: (await k.code()).id, name: '施回来', memberType: 'mobile' }, wx));
    expect(back).toMatchObject({ created: true, checkin: { status: 'pending', memberType: 'mobile', history: [{ status: 'pending', by: { id: person.id } }] } });
    const item = (await k.queue()).find((c) => c.id === back.checkin.id)!;
    expect(item.earlier.map((e) => [e.id, e.status, e.reason])).toEqual([[first.id, 'withdrawn', '外出务工']]);
    expect(item.matches).toEqual([]);
    const approved = data(await k.approve(item));
    expect(approved.person).toEqual({ id: person.id, name: '施回来' });
    expect(await k.h.store.bindings.find(person.id, k.compound.id, 'member')).toBeTruthy();
    const mine = data(await k.mine(wx)).checkins;
    expect(mine.map((c: CheckinView) => [c.id, c.status])).toEqual([
      [back.checkin.id, 'approved'],
      [first.id, 'withdrawn'],
    ]);
    expect(mine[1].history.map((h) => h.status)).toEqual(['pending', 'approved', 'withdrawn']);
  });
});
