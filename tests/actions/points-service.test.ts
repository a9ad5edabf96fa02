/**
 * Service records (服务记录): a member or volunteer records service they did; a retried record is written
 * once; staff list the records of their community and confirm (the points follow, once per record, under
 * the community's rules) or reject with a reason. A retried confirm grants what is missing and answers
 * the record; a stale version, another community's record, a record decided already are refused.
 */
import type { Outputs, ServiceRecordView } from '../../src/core';
import { pointsKey } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, pointsKit, type PointsKit } from './support/points';

type Out = Outputs['points'];
let k: PointsKit;

const record = (cred: PointsKit['member']['cred'], extra: Record<string, unknown> = {}) =>
  k.call<Out['recordService']>('recordService', { clientRequestId: crid(), what: '陪独居老人去医院复诊', date: '2026-11-20', minutes: 150, forWhom: '3号楼独居老人', ...extra }, cred);
const confirm = (r: Pick<ServiceRecordView, 'id' | 'version'>, cred = k.staff.cred) => k.call<Out['confirmService']>('confirmService', { id: r.id, version: r.version }, cred);

beforeAll(async () => {
  k = await pointsKit();
});
afterAll(() => k.h.close());

describe('recording', () => {
  it('records a member’s service as pending, with what confirming would grant, once per request', async () => {
    const input = { clientRequestId: crid(), what: '小区垃圾分类督导', date: '2026-11-21', minutes: 120, forWhom: '' };
    const first = data(await k.call<Out['recordService']>('recordService', input, k.member.cred));
    expect(first).toMatchObject({ created: true, record: { person: { id: k.member.id }, trail: '阳光社区 幸福里小区', what: '小区垃圾分类督导', minutes: 120, forWhom: null, status: 'pending', statusLabel: '待确认', points: null, pointsIfConfirmed: 2 } });
    const again = data(await k.call<Out['recordService']>('recordService', input, k.member.cred));
    expect(again).toMatchObject({ created: false, record: { id: first.record.id } });
    const mine = data(await k.call<Out['myServices']>('myServices', {}, k.member.cred));
    expect(mine.records.filter((r) => r.id === first.record.id)).toHaveLength(1);
  });

  it('refuses a resident, a day in the future or too long ago, and bad input, writing nothing', async () => {
    await k.writesNothing(async () => {
      expectFailure(await record(k.resident.cred), 'POINTS.NOT_EARNER');
      expectFailure(await record(k.staff.cred), 'POINTS.NOT_EARNER');
      expectFailure(await record(k.volunteer.cred, { date: '2026-11-24' }), 'SERVICE.BAD_DATE', 'date');
      expectFailure(await record(k.volunteer.cred, { date: '2026-08-01' }), 'SERVICE.BAD_DATE', 'date');
      expectFailure(await record(k.volunteer.cred, { date: '2026-02-30' }), 'SERVICE.BAD_DATE', 'date');
      expectFailure(await record(k.volunteer.cred, { date: '2026/11/20' }), 'INPUT.INVALID', 'date');
      expectFailure(await record(k.volunteer.cred, { minutes: 5 }), 'INPUT.INVALID', 'minutes');
      expectFailure(await record(k.volunteer.cred, { minutes: 13 * 60 }), 'INPUT.INVALID', 'minutes');
      expectFailure(await record(k.volunteer.cred, { what: '' }), 'INPUT.INVALID', 'what');
    });
  });
});

describe('confirming', () => {
  it('confirms and grants the points of the rules (per hour, rounded down, capped), once, even when confirmed again', async () => {
    const r = data(await record(k.volunteer.cred, { minutes: 150 })).record;
    const before = await k.h.store.points.balance(k.volunteer.id);
    const out = data(await confirm(r));
    expect(out).toMatchObject({ status: 'confirmed', statusLabel: '已确认', points: 2, pointsIfConfirmed: null, decidedBy: { id: k.staff.id }, version: r.version + 1 });
    expect(await k.h.store.points.get(pointsKey('service', r.id))).toMatchObject({ points: 2, personId: k.volunteer.id, grantedBy: k.staff.id, reason: expect.stringContaining('陪独居老人去医院复诊') });
    // A confirm retried (the answer was lost): the record as it is, no second grant.
    expect(data(await confirm(r, k.secretary.cred))).toMatchObject({ id: r.id, status: 'confirmed', points: 2 });
    expect(await k.h.store.points.balance(k.volunteer.id)).toBe(before + 2);
    // Twelve hours at 1 point an hour is capped at 8.
    const long = data(await record(k.member.cred, { minutes: 12 * 60 })).record;
    expect(long.pointsIfConfirmed).toBe(8);
    expect(data(await confirm(long)).points).toBe(8);
  });

  it('grants on a retried confirm what a failed grant left out', async () => {
    const r = data(await record(k.member.cred, { minutes: 60 })).record;
    // Confirmed, but the grant never happened (the function died in between).
    const stored = (await k.h.store.serviceRecords.get(r.id))!;
    await k.h.store.serviceRecords.update({ ...stored, status: 'confirmed', points: 1, decidedBy: k.staff.id, decidedAt: 1, version: stored.version + 1 }, stored.version);
    expect(await k.h.store.points.get(pointsKey('service', r.id))).toBeNull();
    expect(data(await confirm({ id: r.id, version: stored.version + 1 }))).toMatchObject({ status: 'confirmed', points: 1 });
    expect(await k.h.store.points.get(pointsKey('service', r.id))).toMatchObject({ points: 1 });
  });

  it('grants nothing to someone who stopped serving, and says so on the record', async () => {
    const p = await k.personAt('volunteer', k.compound, '郭离开');
    const r = data(await record(p.cred, { minutes: 120 })).record;
    await k.h.store.bindings.remove((await k.h.store.bindings.listForPerson(p.id))[0].id);
    expect(data(await confirm(r))).toMatchObject({ status: 'confirmed', points: 0 });
    expect(await k.h.store.points.balance(p.id)).toBe(0);
  });

  it('refuses a stale version, another community’s staff, non-staff, and a rejected record, writing nothing', async () => {
    const r = data(await record(k.volunteer.cred)).record;
    await k.writesNothing(async () => {
      expectFailure(await confirm({ id: r.id, version: r.version + 1 }), 'CONFLICT.VERSION');
      expectFailure(await confirm(r, k.otherStaff.cred), 'SERVICE.NOT_FOUND', 'id');
      expectFailure(await confirm(r, k.volunteer.cred), 'SERVICE.NOT_FOUND', 'id');
      expectFailure(await confirm(r, k.branch.cred), 'SERVICE.NOT_FOUND', 'id');
      expectFailure(await confirm({ id: 'svc_nothing', version: 1 }), 'SERVICE.NOT_FOUND', 'id');
      expectFailure(await k.call('confirmService', { id: r.id }, k.staff.cred), 'INPUT.INVALID', 'version');
    });
    const rejected = data(await k.call<Out['rejectService']>('rejectService', { id: r.id, version: r.version, reason: '当天没有这项活动' }, k.staff.cred));
    expect(rejected).toMatchObject({ status: 'rejected', statusLabel: '未通过', rejectReason: '当天没有这项活动', points: null });
    await k.writesNothing(async () => {
      expectFailure(await confirm(rejected), 'SERVICE.DECIDED', 'id');
      expectFailure(await k.call('rejectService', { id: r.id, version: rejected.version, reason: '再退' }, k.staff.cred), 'SERVICE.DECIDED', 'id');
    });
    expect(await k.h.store.points.get(pointsKey('service', r.id))).toBeNull();
  });

  it('rejects with a reason only, by staff only', async () => {
    const r = data(await record(k.member.cred)).record;
    await k.writesNothing(async () => {
      expectFailure(await k.call('rejectService', { id: r.id, version: r.version, reason: '' }, k.staff.cred), 'INPUT.INVALID', 'reason');
      expectFailure(await k.call('rejectService', { id: r.id, version: r.version, reason: '不对' }, k.member.cred), 'SERVICE.NOT_FOUND', 'id');
      expectFailure(await k.call('rejectService', { id: r.id, version: r.version, reason: '不对' }, k.otherStaff.cred), 'SERVICE.NOT_FOUND', 'id');
    });
  });
});

describe('the staff list', () => {
  it('lists the community’s records by status, and none of another community', async () => {
    const pending = data(await k.call<Out['serviceRecords']>('serviceRecords', { status: 'pending' }, k.staff.cred));
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.records.every((r) => r.status === 'pending' && r.pointsIfConfirmed !== null)).toBe(true);
    const confirmed = data(await k.call<Out['serviceRecords']>('serviceRecords', { unitId: k.compound.id, status: 'confirmed' }, k.staff.cred));
    expect(confirmed.records.every((r) => r.status === 'confirmed' && r.decidedBy !== null)).toBe(true);
    expect(data(await k.call<Out['serviceRecords']>('serviceRecords', {}, k.otherStaff.cred)).total).toBe(0);
    expectFailure(await k.call('serviceRecords', { unitId: k.community.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'unitId');
    expectFailure(await k.call('serviceRecords', {}, k.member.cred), 'AUTH.FORBIDDEN');
    expectFailure(await k.call('serviceRecords', { status: 'done' }, k.staff.cred), 'INPUT.INVALID', 'status');
  });
});
