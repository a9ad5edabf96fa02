/**
 * From survey answers to a published flag on CloudBase, through dispatch and the unmodified node-sdk
 * answered in-process: a company registered, a lift report the property manager handles, households
 * answering (one household's 20 answers at once: one written), the month computed, two staff
 * publishing at once (one wins), and the public page (the SQLite side: assessments-*.test.ts).
 */
import type { Outputs, ReportDetail } from '../../src/core';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure } from '../support/harness';
import { ALL_SATISFIED, MONTH } from './support/assessments';

const cloud = cloudbase();

it('goes from survey answers and a handled report to a published red flag on CloudBase', async () => {
  const { store, call, as: signIn } = await cloudbaseDemo(cloud, 'assess_');
  const [staff, secretary, property, jumin] = [await signIn('shequ'), await signIn('shuji'), await signIn('wuye'), await signIn('jumin')];
  const units = await store.units.listSubtree('/');
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.parentId === compound.id && u.name === '1号楼')!;
  const community = units.find((u) => u.kind === 'community')!;

  data(await call('assessments', 'saveCompany', { communityId: community.id, name: '幸福里物业服务有限公司', compoundIds: [compound.id] }, staff));
  // Another company cannot take the compound.
  expectFailure(await call('assessments', 'saveCompany', { communityId: community.id, name: '别家物业', compoundIds: [compound.id] }, staff), 'PROPERTY.COMPOUND_TAKEN', 'compoundIds');

  // Three lift reports the property manager answers and resolves; the resident is satisfied with each.
  for (let i = 0; i < 3; i++) {
    let r = data(await call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: `cb-assess-${i}`, unitId: building.id, category: 'lift', description: '电梯停在三楼不动了' }, jumin)).report;
    r = data(await call<ReportDetail>('reports', 'respond', { id: r.id, version: r.version }, property));
    r = data(await call<ReportDetail>('reports', 'resolve', { id: r.id, version: r.version, note: '已修好' }, property));
    data(await call('reports', 'rate', { id: r.id, version: r.version, rating: 'satisfied' }, jumin));
  }

  // Five households answer; one of them sends 20 answers at once (two people of it).
  const hash = await hashPassword('assess-pass');
  const residents: Credentials[] = [];
  for (let i = 0; i < 6; i++) {
    const id = `per_cbassess${i}`;
    await store.people.insert({ id, name: `住户${i}`, phone: `1366100${String(1000 + i).slice(-4)}`, username: `cbassess${i}`, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    // The last two share a door: one household.
    const room = i < 5 ? `${i + 1}01` : '501';
    await store.bindings.insert({ id: `bnd_cbassess${i}`, personId: id, unitId: building.id, role: 'resident', createdAt: 0, createdBy: null, door: { entrance: '4', floor: Number(room[0]), room } });
    residents.push(await signIn(`cbassess${i}`, 'assess-pass'));
  }
  const answer = (cred: Credentials) => call('assessments', 'answer', { compoundId: compound.id, month: MONTH, answers: ALL_SATISFIED }, cred);
  for (const cred of residents.slice(0, 4)) data(await answer(cred));
  const racing = await Promise.all(Array.from({ length: 20 }, (_, i) => answer(residents[4 + (i % 2)])));
  expect(racing.filter((r) => r.ok)).toHaveLength(1);
  for (const r of racing.filter((x) => !x.ok)) expectFailure(r, 'ASSESSMENT.ALREADY_ANSWERED', 'month');
  expect(await store.assessments.answers(compound.id, MONTH)).toHaveLength(5);

  const review = data(await call<Outputs['assessments']['compute']>('assessments', 'compute', { communityId: community.id, month: MONTH }, staff));
  const a = review.rows.find((r) => r.compound.id === compound.id)!.assessment!;
  expect(a).toMatchObject({ status: 'draft', flag: 'red', result: { score: 100 }, figures: { reports: 3, resolved: 3, rated: 3, satisfied: 3 }, survey: { answers: 5, score: 1 } });

  const published = await Promise.all([staff, secretary].map((cred) => call<Outputs['assessments']['publish']>('assessments', 'publish', { id: a.id, version: a.version }, cred)));
  expect(published.filter((r) => r.ok)).toHaveLength(1);
  const page = data(await call<Outputs['assessments']['compound']>('assessments', 'compound', {}, jumin));
  expect(page.latest).toMatchObject({ month: MONTH, flag: 'red', flagLabel: '红旗', status: 'published', version: a.version + 1 });
});
