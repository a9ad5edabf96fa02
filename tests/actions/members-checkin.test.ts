/**
 * Checking in (党员报到): a party member scans their compound's member code (直管 members the
 * community's), says who they are as a member, and waits for the branch secretary, who approves —
 * the member role is bound on the unit — after which they are on the roster and in the counts. A
 * member checks in once at a time; every refusal is a clear code and writes nothing.
 */
import type { Me, NotRegistered, Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { freshPhone, membersKit, phoneCode, stranger, type MembersKit } from './support/members';

let k: MembersKit;
beforeAll(async () => {
  k = await membersKit();
});
afterAll(() => k.h.close());

const uses = async (codeId: string) => (await k.h.store.codes.get(codeId))!.uses;
const counts = async (cred = k.secretary, unitId?: string) => data(await k.h.call<Outputs['members']['counts']>('members', 'counts', unitId ? { unitId } : {}, cred));
const rowFor = (c: Outputs['members']['counts'], unitId: string) => c.rows.find((r) => r.unit.id === unitId)!;

describe('the whole path', () => {
  it('goes from a scanned member code to a member on the roster and in the counts', async () => {
    const before = rowFor(await counts(), k.compound.id);
    const wx = stranger();
    const code = await k.code();
    const phone = freshPhone();
    const sent = data(
      await k.submit(
        {
          codeId: code.id,
          name: '鲁报到',
          phoneCode: phoneCode(phone),
          memberType: 'retired',
          veteran: true,
          branch: { name: '市第二中学退休党支部', place: '  ' },
          workUnit: '市第二中学',
          skills: ['法律咨询', ' 法律咨询 ', '书法绘画', ''],
          services: ['政策宣传'],
          freeTime: '周末上午',
          household: { buildingId: k.building.id, door: { entrance: '2', floor: 5, room: '502' } },
        },
        wx,
      ),
    );
    expect(sent).toMatchObject({
      created: true,
      checkin: {
        status: 'pending',
        statusLabel: '等待审核',
        unit: { id: k.compound.id },
        trail: '阳光社区 幸福里小区',
        phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        phoneVerified: true,
        memberType: 'retired',
        memberTypeLabel: '离退休',
        veteran: true,
        branch: { name: '市第二中学退休党支部', place: null },
        skills: ['法律咨询', '书法绘画'],
        services: ['政策宣传'],
        household: { building: { id: k.building.id }, doorLabel: '2单元 5层 502室', trail: '阳光社区 幸福里小区 1号楼' },
        person: null,
        history: [{ status: 'pending', by: null }],
      },
    });
    expect(await uses(code.id)).toBe(1);
    // Pending: not a member yet, and the branch secretary is told.
    expect(data(await k.h.call<Me | NotRegistered>('auth', 'whoAmI', {}, wx))).toMatchObject({ registered: false });
    const zhibu = (await k.h.store.people.findByUsername('zhibu'))!;
    expect((await k.h.store.messages.listForPerson(zhibu.id, 5))[0]).toMatchObject({ kind: 'checkin.pending', page: 'handler/checkins/index' });

    const item = (await k.queue()).find((c) => c.id === sent.checkin.id)!;
    expect(item).toMatchObject({ phone, matches: [], earlier: [] });
    const approved = data(await k.approve(item));
    expect(approved).toMatchObject({ status: 'approved', statusLabel: '已报到', phone, person: { name: '鲁报到' }, decidedAt: k.h.clock.now() });
    expect(approved.history.map((h) => [h.status, h.by?.name ?? null])).toEqual([
      ['pending', null],
      ['approved', '刘芳'],
    ]);

    // The member role is bound on the compound: they are a person now, and a member.
    const me = data(await k.h.call<Me>('auth', 'whoAmI', {}, wx));
    expect(me).toMatchObject({ registered: true, person: { name: '鲁报到', phone }, bindings: [{ role: 'member', unit: { id: k.compound.id } }] });
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    expect(person).toMatchObject({ createdInUnitId: k.compound.id, demo: false });
    expect(await k.h.store.bindings.find(person.id, k.compound.id, 'member')).toBeTruthy();
    expect((await k.h.store.messages.listForPerson(person.id, 5))[0]).toMatchObject({ kind: 'checkin.approved', title: '报到已通过', page: 'members/mine/index' });
    const audit = await k.h.store.audit.search({ targetId: approved.id }, 10);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['checkin.approve', zhibu.id],
      ['checkin.submit', null],
    ]);

    // On the roster, with the whole phone and the branch; in the counts by type.
    const roster = data(await k.h.call<Outputs['members']['roster']>('members', 'roster', {}, k.secretary));
    expect(roster.rows.find((r) => r.id === approved.id)).toMatchObject({ name: '鲁报到', phone, branch: { name: '市第二中学退休党支部' }, memberTypeLabel: '离退休' });
    const after = rowFor(await counts(), k.compound.id);
    expect(after.byType.retired).toBe(before.byType.retired + 1);
    expect(after.veterans).toBe(before.veterans + 1);
    expect(after.total).toBe(before.total + 1);

    const mine = data(await k.mine(wx));
    expect(mine.checkins.map((c) => [c.id, c.status])).toEqual([[approved.id, 'approved']]);
    expect(mine.checkins[0].phone).not.toBe(phone);
  });

  it('checks a 直管 member in with the community, approved by the community secretary and bound there', async () => {
    const before = rowFor(await counts(k.communitySecretary), k.community.id);
    const { wx, checkin } = await k.member({ name: '汤直管', memberType: 'direct' }, k.community);
    expect(checkin).toMatchObject({ status: 'approved', unit: { id: k.community.id }, trail: '阳光社区' });
    const person = (await k.h.store.people.findByOpenid(wx.openid!))!;
    expect(await k.h.store.bindings.find(person.id, k.community.id, 'member')).toBeTruthy();
    const after = await counts(k.communitySecretary);
    expect(after.unit.id).toBe(k.community.id);
    expect(rowFor(after, k.community.id).byType.direct).toBe(before.byType.direct + 1);
    // The community first (its 直管 members), then every compound, each listed once.
    expect(after.rows[0].unit.name).toBe('阳光社区');
    expect(after.rows.slice(1).map((r) => r.unit.name).sort()).toEqual(['和平新村', '幸福里小区', '锦绣家园', '阳光花园'].sort());
    expect(after.total.total).toBe(after.rows.reduce((n, r) => n + r.total, 0));
  });

  it('lets a registered resident check in as themselves: approval binds the member role to the person they are', async () => {
    const jumin = await k.h.as('jumin');
    const person = (await k.h.store.people.findByUsername('jumin'))!;
    const sent = data(await k.submit({ codeId: (await k.code()).id, name: '孙福贵', phone: '13800000007', memberType: 'in_service' }, jumin));
    expect(sent.checkin.history[0].by).toEqual({ id: person.id, name: '孙福贵' });
    const peopleBefore = await k.h.store.people.count();
    expect(data(await k.approve(sent.checkin))).toMatchObject({ person: { id: person.id } });
    expect(await k.h.store.people.count()).toBe(peopleBefore);
    expect((await k.h.store.bindings.listForPerson(person.id)).map((b) => b.role).sort()).toEqual(['member', 'resident']);
    expect((await k.h.store.messages.listForPerson(person.id, 5))[0]).toMatchObject({ kind: 'checkin.approved' });
  });
});

describe('checking in twice', () => {
  it('answers a second check-in while the first is pending with the first, and takes no second use', async () => {
    const wx = stranger();
    const code = await k.code();
    const first = data(await k.submit({ codeId: code.id, name: '葛两次' }, wx));
    const again = await k.writesNothing(async () => data(await k.submit({ codeId: code.id, name: '葛两次（再交）', memberType: 'mobile' }, wx)));
    expect(again).toEqual({ created: false, checkin: first.checkin });
    expect(await uses(code.id)).toBe(1);
  });

  it('RACE: of 10 check-ins by one WeChat user at once, one is made and one use of the code stays taken', async () => {
    const wx = stranger();
    const code = await k.code();
    const phone = freshPhone();
    const all = await Promise.all(Array.from({ length: 10 }, () => k.submit({ codeId: code.id, name: '齐同时', phone }, wx)));
    const ids = new Set(all.map((r) => data(r).checkin.id));
    expect(ids.size).toBe(1);
    expect(all.filter((r) => data(r).created)).toHaveLength(1);
    expect(await uses(code.id)).toBe(1);
    expect((await k.h.store.checkins.listForOpenid(wx.openid!)).length).toBe(1);
  }, 30_000);

  it('refuses a member who is one already — by check-in or bound by staff — and writes nothing', async () => {
    const { wx } = await k.member({ name: '尤已报' });
    const code = await k.code();
    const dangyuan = await k.h.as('dangyuan');
    await k.writesNothing(async () => {
      const again = await k.submit({ codeId: code.id, name: '尤已报' }, wx);
      expectFailure(again, 'CHECKIN.ALREADY_MEMBER', 'codeId');
      if (!again.ok) expect(again.message).toMatch(/幸福里小区/);
      // 周敏 was bound as a member by staff, without a check-in.
      expectFailure(await k.submit({ codeId: code.id, name: '周敏' }, dangyuan), 'CHECKIN.ALREADY_MEMBER', 'codeId');
    });
    // Checked in here, and asked to be transferred out first to check in elsewhere.
    const elsewhere = await k.code(k.community);
    const there = await k.writesNothing(() => k.submit({ codeId: elsewhere.id, name: '尤已报', memberType: 'direct' }, wx));
    expectFailure(there, 'CHECKIN.ALREADY_MEMBER');
    if (!there.ok) expect(there.message).toMatch(/转出/);
    expect(await uses(code.id)).toBe(0);
  });
});

describe('refusals at the door', () => {
  it('refuses a building code, a revoked code and an unknown one, each with its own code, and writes nothing', async () => {
    const building = data(await k.h.call<{ id: string }>('codes', 'create', { unitId: k.building.id, purpose: 'building' }, await k.h.as('louzhang')));
    const revoked = await k.code();
    data(await k.h.call('codes', 'revoke', { id: revoked.id, reason: '贴错了' }, k.secretary));
    await k.writesNothing(async () => {
      const wrong = await k.submit({ codeId: building.id, name: '冯扫错' }, stranger());
      expectFailure(wrong, 'CODE.WRONG_PURPOSE', 'codeId');
      if (!wrong.ok) expect(wrong.message).toMatch(/党员报到码/);
      expectFailure(await k.submit({ codeId: revoked.id, name: '冯扫错' }, stranger()), 'CODE.REVOKED');
      expectFailure(await k.submit({ codeId: 'zzzzzzzzzzzz', name: '冯扫错' }, stranger()), 'CODE.NOT_FOUND', 'codeId');
    });
  });

  it('refuses a household outside the unit, a missing phone, a missing member type and a caller nobody can record, and writes nothing', async () => {
    const code = await k.code();
    const elsewhere = await k.h.unitNamed('1号楼', '阳光花园');
    await k.writesNothing(async () => {
      expectFailure(
        await k.submit({ codeId: code.id, name: '褚住外', household: { buildingId: elsewhere.id, door: { entrance: '1', floor: 1, room: '101' } } }, stranger()),
        'INPUT.INVALID',
        'household.buildingId',
      );
      expectFailure(await k.h.call('members', 'submit', { codeId: code.id, name: '褚无电话', memberType: 'retired', branch: { name: '某支部' } }, stranger()), 'REGISTRATION.NEEDS_PHONE', 'phone');
      expectFailure(await k.h.call('members', 'submit', { codeId: code.id, name: '褚无类型', phone: freshPhone(), branch: { name: '某支部' } }, stranger()), 'INPUT.INVALID', 'memberType');
      expectFailure(await k.h.call('members', 'submit', { codeId: code.id, name: '褚无支部', phone: freshPhone(), memberType: 'retired' }, stranger()), 'INPUT.INVALID', 'branch');
      expectFailure(await k.h.call('members', 'submit', { codeId: code.id, name: '褚网页', phone: freshPhone(), memberType: 'retired', branch: { name: '某支部' } }), 'AUTH.REQUIRED');
      expectFailure(await k.submit({ codeId: code.id, name: '褚用过', phoneCode: 'dev-phone:123:x' }, stranger()), 'PHONE.CODE_INVALID', 'phoneCode');
    });
    expect(await uses(code.id)).toBe(0);
  });
});
