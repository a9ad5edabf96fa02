/**
 * A month computed, reviewed and published (物业测评): the figures of the reports the property
 * company's people handled at the compound level, counted by figures() exactly; the survey; the
 * score and flag; two staff publishing at once (one wins); the public page; who reads what. Every
 * refusal has a code and writes nothing.
 */
import { figures, type Outputs, type ReportDetail } from '../../src/core';
import { data, expectFailure, T0 } from '../support/harness';
import { ALL_SATISFIED, LAST_MONTH, MONTH, assessmentsKit, type AssessmentsKit, type Someone } from './support/assessments';

let k: AssessmentsKit;
let jumin: Someone;
let req = 0;
/** The reports the company handled in November, as the store holds them after the story below. */
const theirs: string[] = [];
const others: string[] = [];

const file = async (category: string) =>
  data(await k.h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: `assess-report-${++req}`, unitId: k.building.id, category, description: '电梯停在三楼不动了' }, jumin.cred)).report;
const act = async (action: string, r: Pick<ReportDetail, 'id' | 'version'>, who: Someone, extra: Record<string, unknown> = {}) =>
  data(await k.h.call<ReportDetail>('reports', action, { id: r.id, version: r.version, ...extra }, who.cred));

beforeAll(async () => {
  k = await assessmentsKit();
  const p = (await k.h.store.people.findByUsername('jumin'))!;
  jumin = { id: p.id, name: p.name, cred: await k.h.as('jumin') };
  const shuji = { id: '', name: '', cred: await k.h.as('shuji') };
  await k.register('幸福里物业服务有限公司', [k.compound]);

  // October: a lift the property manager answered (not November's).
  k.h.clock.set('2026-10-20T10:00:00+08:00');
  const oct = await file('lift');
  await act('respond', oct, k.property);
  others.push(oct.id);

  // November.
  k.h.clock.set(T0);
  // A: the property manager responds, resolves; the resident is satisfied.
  let a = await file('lift');
  a = await act('respond', a, k.property, { note: '马上派人' });
  a = await act('resolve', a, k.property, { note: '已更换控制板' });
  await act('rate', a, jumin, { rating: 'satisfied' });
  theirs.push(a.id);
  // B: the property manager responds, then escalates (beyond them); the community resolves it; unsatisfied.
  let b = await file('lift');
  b = await act('respond', b, k.property);
  b = await act('escalate', b, k.property, { reason: '需要更换主机，物业无力承担' });
  b = await act('resolve', b, shuji, { note: '协调维修基金更换了主机' });
  await act('rate', b, jumin, { rating: 'unsatisfied' });
  theirs.push(b.id);
  // C: noise, the building lead's: not the company's.
  let c = await file('noise');
  c = await act('respond', c, k.lead);
  others.push(c.id);
  // D: a lift nobody has answered yet, its response not yet due: counted, not in the response rate.
  theirs.push((await file('lift')).id);

  // Five households answer November (one with a comment).
  const homes = await Promise.all([1, 2, 3, 4, 5].map((i) => k.personAt('resident', k.building, `住户${i}`, { entrance: '4', floor: i, room: `${i}01` })));
  for (const [i, who] of homes.entries()) data(await k.answer(who, { answers: { ...ALL_SATISFIED, repair: i < 2 ? 'unsatisfied' : 'satisfied' }, comment: i === 0 ? '电梯坏了好几次' : null }));
}, 60_000);
afterAll(() => k.h.close());

const review = async (month = MONTH) => data(await k.call<Outputs['assessments']['review']>('review', { month }, k.staff));
const row = (r: Outputs['assessments']['review'], id = k.compound.id) => r.rows.find((x) => x.compound.id === id)!;

describe('computing a month', () => {
  it('lists every compound before computing, with its company or none', async () => {
    const r = await review();
    expect(r.rows.map((x) => x.compound.name)).toEqual(expect.arrayContaining(['幸福里小区', '阳光花园', '和平新村', '锦绣家园']));
    expect(row(r)).toMatchObject({ company: { name: '幸福里物业服务有限公司' }, assessment: null });
    expect(row(r, k.otherCompound.id)).toMatchObject({ company: null, assessment: null });
  });

  it('counts exactly the reports the company\'s people handled at the compound level in the month, by figures()', async () => {
    const r = data(await k.call<Outputs['assessments']['compute']>('compute', { communityId: k.community.id, month: MONTH }, k.staff));
    const a = row(r).assessment!;
    const stored = await Promise.all(theirs.map((id) => k.h.store.reports.get(id)));
    expect(a.figures).toEqual(figures(stored.map((x) => x!), k.h.clock.now()));
    expect(a.figures).toMatchObject({ reports: 3, responded: 2, responseDue: 2, respondedOnTime: 2, responseRate: 1, resolved: 2, resolvedOnTime: 2, onTimeRate: 1, rated: 2, satisfied: 1, satisfactionRate: 0.5 });
    // 5 households × 5 answers: 2 unsatisfied → 23 / 25.
    expect(a.survey).toMatchObject({ answers: 5, score: 23 / 25 });
    // 0.2·1 + 0.2·1 + 0.2·0.5 + 0.4·0.92 = 0.868
    expect(a).toMatchObject({ status: 'draft', statusLabel: '待发布', result: { score: 86.8 }, flag: 'red', flagLabel: '红旗', noFlagText: null, version: 1, trail: '阳光社区 幸福里小区', monthLabel: '2026年11月' });
    // Compounds without a company are not computed.
    expect(row(r, k.otherCompound.id).assessment).toBeNull();
    const audit = await k.h.store.audit.search({}, 100);
    expect(audit.find((e) => e.action === 'assessments.compute')).toMatchObject({ actorId: k.staff.id, targetKind: 'assessment' });
  });

  it('counts October\'s report in October only, and says why a month has no flag', async () => {
    const r = data(await k.call<Outputs['assessments']['compute']>('compute', { communityId: k.community.id, month: LAST_MONTH }, k.staff));
    const a = row(r).assessment!;
    expect(a.figures).toMatchObject({ reports: 1, responded: 1 });
    expect(a).toMatchObject({ flag: null, noFlagText: '物业办理的反映太少（1 件，至少 3 件）；参加测评的住户太少（0 户，至少 5 户）' });
    expect(a.result.noFlagReasons).toEqual(['few_reports', 'few_answers']);
  });

  it('recomputes a draft as a new version; refuses a month to come and another community\'s staff, writing nothing', async () => {
    const before = row(await review()).assessment!;
    const again = row(data(await k.call<Outputs['assessments']['compute']>('compute', { communityId: k.community.id, month: MONTH, compoundIds: [k.compound.id] }, k.staff))).assessment!;
    expect(again.version).toBe(before.version + 1);
    await k.writesNothing(async () => {
      expectFailure(await k.call('compute', { communityId: k.community.id, month: '2026-12' }, k.staff), 'ASSESSMENT.BAD_MONTH', 'month');
      expectFailure(await k.call('compute', { communityId: k.community.id, month: MONTH }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('compute', { communityId: k.community.id, month: MONTH, compoundIds: [k.farCompound.id] }, k.staff), 'UNIT.NOT_FOUND', 'compoundIds');
      for (const who of [k.property, k.resident, k.lead]) expectFailure(await k.call('compute', { communityId: k.community.id, month: MONTH }, who), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('review', { month: MONTH }, k.property), 'AUTH.FORBIDDEN');
    });
  });
});

describe('publishing', () => {
  it('hides a draft from residents, and lets another community\'s staff see nothing', async () => {
    const a = row(await review()).assessment!;
    await k.writesNothing(async () => {
      expectFailure(await k.call('detail', { id: a.id }, k.resident), 'ASSESSMENT.NOT_FOUND', 'id');
      expectFailure(await k.call('detail', { id: a.id }, k.farStaff), 'ASSESSMENT.NOT_FOUND', 'id');
      expectFailure(await k.call('publish', { id: a.id, version: a.version }, k.farStaff), 'ASSESSMENT.NOT_FOUND', 'id');
      expectFailure(await k.call('publish', { id: a.id, version: a.version }, k.property), 'ASSESSMENT.NOT_FOUND', 'id');
      expectFailure(await k.call('publish', { id: a.id, version: a.version - 1 }, k.staff), 'CONFLICT.VERSION');
    });
    expect(data(await k.call<Outputs['assessments']['compound']>('compound', {}, k.resident))).toMatchObject({ latest: null, history: [], company: { name: '幸福里物业服务有限公司' } });
  });

  it('lets one of two staff publishing the same month at once win; the other is told it changed', async () => {
    const a = row(await review()).assessment!;
    const secretary = { cred: await k.h.as('shuji') };
    const results = await Promise.all([
      k.h.call<Outputs['assessments']['publish']>('assessments', 'publish', { id: a.id, version: a.version }, k.staff.cred),
      k.h.call<Outputs['assessments']['publish']>('assessments', 'publish', { id: a.id, version: a.version }, secretary.cred),
    ]);
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const lost = results.find((r) => !r.ok)!;
    expect(['CONFLICT.VERSION', 'ASSESSMENT.NOT_DRAFT']).toContain(!lost.ok && lost.code);
    const published = data(won[0]);
    expect(published).toMatchObject({ status: 'published', statusLabel: '已发布', version: a.version + 1, flag: 'red', publishedAt: k.h.clock.now() });
    expect(['张伟', '李秀英']).toContain(published.publishedBy?.name);
    expect((await k.h.store.audit.search({}, 100)).filter((e) => e.action === 'assessments.publish')).toHaveLength(1);
  });

  it('leaves a published month as published when the month is computed again, and refuses publishing it twice', async () => {
    const a = row(await review()).assessment!;
    data(await k.call('compute', { communityId: k.community.id, month: MONTH }, k.staff));
    expect(row(await review()).assessment).toEqual(a);
    expectFailure(await k.call('publish', { id: a.id, version: a.version }, k.staff), 'ASSESSMENT.NOT_DRAFT', 'id');
  });

  it('shows the compound\'s public page to anyone bound in it: the latest flag, the figures behind it, the history', async () => {
    for (const who of [k.resident, k.property, k.lead, k.staff]) {
      const page = data(await k.call<Outputs['assessments']['compound']>('compound', { compoundId: k.compound.id }, who));
      expect(page.latest).toMatchObject({ month: MONTH, flag: 'red', flagLabel: '红旗', figures: { reports: 3 }, survey: { answers: 5 } });
      expect(page.history.map((h) => h.month)).toEqual([MONTH]);
    }
    // The resident's own compound by default; a resident elsewhere is refused.
    expect(data(await k.call<Outputs['assessments']['compound']>('compound', {}, k.resident)).compound.id).toBe(k.compound.id);
    expectFailure(await k.call('compound', { compoundId: k.compound.id }, k.farResident), 'AUTH.FORBIDDEN', 'compoundId');
    expectFailure(await k.call('compound', { compoundId: k.compound.id }, k.otherResident), 'AUTH.FORBIDDEN', 'compoundId');
    const a = data(await k.call<Outputs['assessments']['compound']>('compound', {}, k.resident)).latest!;
    expect(data(await k.call<Outputs['assessments']['detail']>('detail', { id: a.id }, k.resident))).toEqual(a);
    // Never the comments or who answered.
    expect(JSON.stringify(a)).not.toMatch(/电梯坏了好几次|住户1/);
  });

  it('gives staff the survey\'s comments by building, never to anyone else', async () => {
    const c = data(await k.call<Outputs['assessments']['comments']>('comments', { compoundId: k.compound.id, month: MONTH }, k.staff));
    expect(c.comments).toEqual([{ at: T0, building: '1号楼', comment: '电梯坏了好几次' }]);
    expectFailure(await k.call('comments', { compoundId: k.compound.id, month: MONTH }, k.property), 'AUTH.FORBIDDEN', 'compoundId');
    expectFailure(await k.call('comments', { compoundId: k.compound.id, month: MONTH }, k.farStaff), 'AUTH.FORBIDDEN', 'compoundId');
  });
});
