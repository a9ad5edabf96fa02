/**
 * Partners' visits (走访): the contact or a linked member records a visit to a community the partner
 * partners with, for today or up to 60 days back, once for a retried record; staff read their
 * community's visits by month, see who has not visited this month, and link a report filed for what was
 * raised. Refused, writing nothing: a day ahead or too far back, a community it does not partner with,
 * someone who does not act for the partner, a report of another community.
 */
import type { Outputs } from '../../src/core';
import { report } from '../support/factories';
import { data, expectFailure } from '../support/harness';
import { TODAY, crid, dayBefore, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

const visit = (partnerId: string, extra: Record<string, unknown> = {}) => ({
  clientRequestId: crid(),
  partnerId,
  communityId: k.community.id,
  day: TODAY,
  met: '社区书记、1号楼楼栋长',
  raised: '1号楼老人多，想请医生上门量血压',
  feedback: '下周安排',
  ...extra,
});

it('records a visit once, lists it for staff by month, and marks who visited this month', async () => {
  const visiting = await k.register({ name: '市中心医院' });
  const idle = await k.register({ name: '区司法局', kind: 'agency' });
  const input = visit(visiting.id);
  const recorded = data(await k.call<Out['recordVisit']>('recordVisit', input, k.contact));
  expect(recorded).toMatchObject({
    created: true,
    visit: { partner: { id: visiting.id }, community: { id: k.community.id }, day: TODAY, met: '社区书记、1号楼楼栋长', feedback: '下周安排', by: { id: k.contact.id, name: '钱联络' }, need: null, report: null },
  });
  expect(data(await k.call<Out['recordVisit']>('recordVisit', input, k.contact))).toMatchObject({ created: false, visit: { id: recorded.visit.id } });
  // A linked member records too, for a day last month.
  const member = await k.member('吴护士');
  data(await k.call('linkMember', { partnerId: visiting.id, personId: member.id }, k.staff));
  data(await k.call('recordVisit', visit(visiting.id, { day: dayBefore(40), raised: '想办健康讲座' }), member));

  const thisMonth = data(await k.call<Out['visits']>('visits', { month: '2026-11' }, k.staff));
  expect(thisMonth.visits.map((v) => v.raised)).toEqual(['1号楼老人多，想请医生上门量血压']);
  expect(data(await k.call<Out['visits']>('visits', { partnerId: visiting.id }, k.staff)).total).toBe(2);
  const rows = data(await k.call<Out['list']>('list', {}, k.staff)).partners;
  expect(rows.find((p) => p.id === visiting.id)).toMatchObject({ lastVisitDay: TODAY, visitedThisMonth: true });
  expect(rows.find((p) => p.id === idle.id)).toMatchObject({ lastVisitDay: null, visitedThisMonth: false });
  // The partner's side reads its own visits.
  expect(data(await k.call<Out['visits']>('visits', { partnerId: visiting.id }, member)).total).toBe(2);
});

it('refuses a bad day, a community it does not partner with, and someone not acting for it — writing nothing', async () => {
  const p = await k.register({ name: '区人社局', kind: 'agency' });
  await k.writesNothing(async () => {
    expectFailure(await k.call('recordVisit', visit(p.id, { day: '2026-11-24' }), k.contact), 'VISIT.BAD_DAY', 'day');
    expectFailure(await k.call('recordVisit', visit(p.id, { day: dayBefore(61) }), k.contact), 'VISIT.BAD_DAY', 'day');
    expectFailure(await k.call('recordVisit', visit(p.id, { day: '2026-02-30' }), k.contact), 'VISIT.BAD_DAY', 'day');
    expectFailure(await k.call('recordVisit', visit(p.id, { day: '23/11/2026' }), k.contact), 'INPUT.INVALID', 'day');
    expectFailure(await k.call('recordVisit', visit(p.id, { communityId: k.farCommunity.id }), k.contact), 'PARTNER.NOT_PARTNERING', 'communityId');
    expectFailure(await k.call('recordVisit', visit(p.id), k.otherContact), 'PARTNER.NOT_YOURS', 'partnerId');
    expectFailure(await k.call('recordVisit', visit(p.id), k.resident), 'PARTNER.NOT_YOURS', 'partnerId');
    expectFailure(await k.call('recordVisit', visit(p.id), k.staff), 'PARTNER.NOT_YOURS', 'partnerId');
    expectFailure(await k.call('visits', { partnerId: p.id }, k.otherContact), 'AUTH.FORBIDDEN');
    expectFailure(await k.call('visits', { communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
  });
  expect(data(await k.call<Out['recordVisit']>('recordVisit', visit(p.id, { day: dayBefore(60) }), k.contact)).visit.day).toBe(dayBefore(60));
});

it('links a report of the visit’s community to it', async () => {
  const p = await k.register({ name: '区城管局', kind: 'agency' });
  const v = data(await k.call<Out['recordVisit']>('recordVisit', visit(p.id, { raised: '小区门口占道经营' }), k.contact)).visit;
  const { report: r, entries } = report(k.building, { createdBy: k.staff.id });
  await k.h.store.reports.insert(r, entries);
  const { report: far, entries: farEntries } = report(k.farBuilding);
  await k.h.store.reports.insert(far, farEntries);
  await k.writesNothing(async () => {
    expectFailure(await k.call('linkVisitReport', { visitId: v.id, reportId: far.id }, k.staff), 'REPORT.NOT_FOUND', 'reportId');
    expectFailure(await k.call('linkVisitReport', { visitId: v.id, reportId: r.id }, k.farStaff), 'VISIT.NOT_FOUND', 'visitId');
    expectFailure(await k.call('linkVisitReport', { visitId: v.id, reportId: r.id }, k.contact), 'VISIT.NOT_FOUND', 'visitId');
  });
  expect(data(await k.call<Out['linkVisitReport']>('linkVisitReport', { visitId: v.id, reportId: r.id }, k.staff))).toMatchObject({ id: v.id, report: { id: r.id } });
});
