/**
 * The points ledger (积分): staff grant and correct with a reason, each a new entry, audited; the same
 * request twice writes once; a correction below zero is refused with the balance shown; only members
 * and volunteers of the staff's own community receive points. 我的积分 shows the balance, the entries
 * and whether the caller earns; the staff's ledger lists a person's or a unit's entries in a range of
 * China days. A community's rules are read by anyone bound there and edited by staff, versioned.
 */
import type { Outputs } from '../../src/core';
import { DEFAULT_POINTS_RULES } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, pointsKit, type PointsKit } from './support/points';

type Out = Outputs['points'];
let k: PointsKit;

beforeAll(async () => {
  k = await pointsKit();
});
afterAll(() => k.h.close());

describe('grant', () => {
  it('grants points with a reason, by whom, audited, and shows them on the person’s ledger', async () => {
    const out = await k.grant(k.member.id, 12, k.staff.cred, '社区表彰：优秀志愿者');
    expect(out.entry).toMatchObject({ person: { id: k.member.id, name: k.member.name }, points: 12, reason: '社区表彰：优秀志愿者', kind: 'grant', kindLabel: '社区奖励', grantedBy: { id: k.staff.id, name: k.staff.name } });
    expect(out.balance).toBe(await k.h.store.points.balance(k.member.id));
    const audit = await k.h.store.audit.search({}, 100);
    expect(audit.find((a) => a.action === 'points.grant' && a.targetId === k.member.id)).toMatchObject({ actorId: k.staff.id, detail: expect.objectContaining({ points: 12 }) });
    const mine = data(await k.call<Out['mine']>('mine', {}, k.member.cred));
    expect(mine).toMatchObject({ balance: out.balance, earns: true, onBoard: false });
    expect(mine.entries[0]).toMatchObject({ id: out.entry.id, points: 12 });
  });

  it('writes once when the same request comes twice', async () => {
    const input = { clientRequestId: crid(), personId: k.volunteer.id, points: 7, reason: '帮忙布置会场' };
    const before = await k.h.store.points.balance(k.volunteer.id);
    const auditBefore = (await k.h.store.audit.search({}, 100_000)).length;
    const first = data(await k.call<Out['grant']>('grant', input, k.staff.cred));
    const again = data(await k.call<Out['grant']>('grant', input, k.staff.cred));
    expect(again.entry).toEqual(first.entry);
    expect(await k.h.store.points.balance(k.volunteer.id)).toBe(before + 7);
    expect((await k.h.store.audit.search({}, 100_000)).length).toBe(auditBefore + 1);
  });

  it('is refused, writing nothing, to anyone but staff, for another community’s person, for a resident, and for bad input', async () => {
    await k.writesNothing(async () => {
      const input = { clientRequestId: crid(), personId: k.volunteer.id, points: 5, reason: '奖励' };
      for (const who of [k.member, k.volunteer, k.resident, k.branch]) expectFailure(await k.call('grant', input, who.cred), 'AUTH.FORBIDDEN');
      // Staff of 和平社区 do not reach 阳光社区's volunteer, and 阳光社区's staff not 和平社区's member: not found, as no one.
      expectFailure(await k.call('grant', input, k.otherStaff.cred), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await k.call('grant', { ...input, personId: k.otherMember.id }, k.staff.cred), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await k.call('grant', { ...input, personId: 'per_nobody' }, k.staff.cred), 'PERSON.NOT_FOUND', 'personId');
      // A resident of the community earns no points.
      const r = await k.call('grant', { ...input, personId: k.resident.id }, k.staff.cred);
      expectFailure(r, 'POINTS.NOT_EARNER', 'personId');
      if (!r.ok) expect(r.message).toContain(k.resident.name);
      expectFailure(await k.call('grant', { ...input, points: 0 }, k.staff.cred), 'INPUT.INVALID', 'points');
      expectFailure(await k.call('grant', { ...input, points: 1001 }, k.staff.cred), 'INPUT.INVALID', 'points');
      expectFailure(await k.call('grant', { ...input, points: 1.5 }, k.staff.cred), 'INPUT.INVALID', 'points');
      expectFailure(await k.call('grant', { ...input, reason: '  ' }, k.staff.cred), 'INPUT.INVALID', 'reason');
      expectFailure(await k.call('grant', { ...input, clientRequestId: 'x' }, k.staff.cred), 'INPUT.INVALID', 'clientRequestId');
    });
  });

  it('lets the community secretary and the street officer above grant too', async () => {
    expect((await k.grant(k.volunteer.id, 1, k.secretary.cred)).entry.grantedBy?.name).toBe(k.secretary.name);
    expect((await k.grant(k.volunteer.id, 1, k.officer.cred)).entry.grantedBy?.name).toBe(k.officer.name);
  });
});

describe('correct', () => {
  it('adds a correction entry, never editing the one it corrects', async () => {
    const p = await k.personAt('volunteer', k.compound, '陈更正');
    const granted = await k.grant(p.id, 10);
    const out = data(await k.call<Out['correct']>('correct', { clientRequestId: crid(), personId: p.id, points: -4, reason: '重复登记，扣回' }, k.staff.cred));
    expect(out).toMatchObject({ balance: 6, entry: { points: -4, kind: 'correction', kindLabel: '更正', balanceAfter: 6, reason: '重复登记，扣回' } });
    expect(await k.h.store.points.get(granted.entry.id)).toMatchObject({ points: 10, balanceAfter: 10 });
    expect((await k.h.store.audit.search({}, 100_000)).some((a) => a.action === 'points.correct' && a.targetId === p.id)).toBe(true);
  });

  it('refuses a correction below zero with the balance in the message, writing nothing', async () => {
    const p = await k.personAt('member', k.compound, '钱余额');
    await k.grant(p.id, 3);
    const r = await k.writesNothing(() => k.call('correct', { clientRequestId: crid(), personId: p.id, points: -5, reason: '扣错了' }, k.staff.cred));
    expectFailure(r, 'POINTS.BELOW_ZERO', 'points');
    if (!r.ok) expect(r.message).toMatch(/余额是 3 分/);
    await k.writesNothing(async () => {
      expectFailure(await k.call('correct', { clientRequestId: crid(), personId: p.id, points: 0, reason: '零' }, k.staff.cred), 'INPUT.INVALID', 'points');
      expectFailure(await k.call('correct', { clientRequestId: crid(), personId: p.id, points: -1, reason: '扣' }, k.member.cred), 'AUTH.FORBIDDEN');
    });
  });

  it('reaches someone who has left the community’s members but has entries there', async () => {
    const p = await k.personAt('member', k.compound, '孙离开');
    await k.grant(p.id, 5);
    const b = (await k.h.store.bindings.listForPerson(p.id))[0];
    await k.h.store.bindings.remove(b.id);
    // No longer a member: no reward, but a correction still reaches their entries.
    expectFailure(await k.call('grant', { clientRequestId: crid(), personId: p.id, points: 1, reason: '奖励' }, k.staff.cred), 'POINTS.NOT_EARNER', 'personId');
    expect(data(await k.call<Out['correct']>('correct', { clientRequestId: crid(), personId: p.id, points: -5, reason: '已转出，清零' }, k.staff.cred)).balance).toBe(0);
  });
});

describe('mine and the ledger', () => {
  it('tells a plain resident they do not earn, with an empty ledger', async () => {
    expect(data(await k.call<Out['mine']>('mine', {}, k.resident.cred))).toEqual({ balance: 0, entries: [], total: 0, onBoard: false, earns: false });
  });

  it('shows onBoard once the person agreed', async () => {
    const p = await k.personAt('member', k.compound, '李公开');
    await k.h.store.people.setConsent(p.id, { board: true }, 1);
    expect(data(await k.call<Out['mine']>('mine', {}, p.cred)).onBoard).toBe(true);
  });

  it('lists a person’s entries with the balance for staff, a unit’s for staff, and the caller’s own', async () => {
    const p = await k.personAt('volunteer', k.otherCompound, '周账本');
    await k.grant(p.id, 4);
    await k.grant(p.id, 6);
    const one = data(await k.call<Out['ledger']>('ledger', { personId: p.id }, k.staff.cred));
    expect(one).toMatchObject({ total: 2, balance: 10 });
    expect(one.entries.map((e) => e.points)).toEqual([6, 4]);
    const unit = data(await k.call<Out['ledger']>('ledger', { unitId: k.otherCompound.id }, k.staff.cred));
    expect(unit.balance).toBeNull();
    expect(unit.entries.every((e) => e.person.id === p.id)).toBe(true);
    expect(data(await k.call<Out['ledger']>('ledger', { personId: p.id }, p.cred)).total).toBe(2);
    // Today is 2026-11-23 (China): yesterday's range holds none of today's entries.
    expect(data(await k.call<Out['ledger']>('ledger', { personId: p.id, from: '2026-11-22', to: '2026-11-22' }, k.staff.cred)).total).toBe(0);
    expect(data(await k.call<Out['ledger']>('ledger', { personId: p.id, from: '2026-11-23', to: '2026-11-23' }, k.staff.cred)).total).toBe(2);
  });

  it('refuses another person’s ledger to a non-staff, another community’s to staff, and a backwards range', async () => {
    expectFailure(await k.call('ledger', { personId: k.volunteer.id }, k.member.cred), 'AUTH.FORBIDDEN');
    expectFailure(await k.call('ledger', {}, k.member.cred), 'AUTH.FORBIDDEN');
    expectFailure(await k.call('ledger', { personId: k.otherMember.id }, k.staff.cred), 'PERSON.NOT_FOUND');
    expectFailure(await k.call('ledger', { unitId: k.otherCommunity.id }, k.staff.cred), 'AUTH.FORBIDDEN', 'unitId');
    expectFailure(await k.call('ledger', { unitId: k.compound.id, from: '2026-11-23', to: '2026-11-01' }, k.staff.cred), 'INPUT.INVALID', 'to');
    expectFailure(await k.call('ledger', { unitId: k.compound.id, from: '2026-13-01' }, k.staff.cred), 'INPUT.INVALID', 'from');
  });
});

describe('rules', () => {
  it('reads the defaults (version 0) for anyone bound in the community, with the labels', async () => {
    for (const who of [k.resident, k.member, k.staff]) {
      const r = data(await k.call<Out['rules']>('rules', {}, who.cred));
      expect(r).toMatchObject({ community: { id: k.community.id, name: '阳光社区' }, version: 0, rules: DEFAULT_POINTS_RULES, labels: { lecture: '参加讲座', service: '志愿服务', wish: '实现微心愿', visit: '联户走访' } });
    }
    expectFailure(await k.call('rules', { communityId: k.community.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'communityId');
  });

  it('is saved by staff against the version read, audited; a stale version is refused', async () => {
    const c = await k.h.unitNamed('阳光社区');
    const rules = { ...DEFAULT_POINTS_RULES, service: { counts: true, points: 2, max: 10 }, visit: { counts: false, points: 1, max: 0 } };
    const saved = data(await k.call<Out['saveRules']>('saveRules', { communityId: c.id, version: 0, rules }, k.staff.cred));
    expect(saved).toMatchObject({ version: 1, rules });
    expect(data(await k.call<Out['rules']>('rules', {}, k.member.cred))).toMatchObject({ version: 1, rules });
    expect((await k.h.store.audit.search({}, 100_000)).some((a) => a.action === 'points.saveRules' && a.targetId === c.id)).toBe(true);
    await k.writesNothing(async () => {
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 0, rules }, k.secretary.cred), 'POINTS.RULES_CHANGED', 'version');
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 1, rules }, k.member.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 1, rules }, k.branch.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 1, rules }, k.otherStaff.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('saveRules', { communityId: k.compound.id, version: 1, rules }, k.staff.cred), 'UNIT.NOT_FOUND', 'communityId');
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 1, rules: { ...rules, lecture: { counts: true, points: 101, max: 0 } } }, k.staff.cred), 'INPUT.INVALID', 'rules.lecture.points');
      expectFailure(await k.call('saveRules', { communityId: c.id, version: 1, rules: { lecture: rules.lecture } }, k.staff.cred), 'INPUT.INVALID');
    });
    // Put the defaults back for the other tests.
    data(await k.call('saveRules', { communityId: c.id, version: 1, rules: DEFAULT_POINTS_RULES }, k.staff.cred));
  });
});
