/**
 * The demo's 物业测评 (seed/assessments.ts), seeded with the full demo as `npm start` seeds it (a year
 * of 400 reports): two companies, last month's answers, last month published with a flag on the
 * compounds' public pages; this month open for the demo resident. Read through the actions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Outputs, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data } from '../support/harness';

const NOW = Date.parse('2026-12-01T09:00:00+08:00');

let deps: Deps;
let call: <T>(action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
const as = async (username: string): Promise<Credentials> =>
  ({ token: data(await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: DEMO_PASSWORD } }, {}) as Result<{ token: string }>).token });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-assessments-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  deps = makeDeps(store, { clock: fixedClock(NOW), log: silentLogger });
  await seedDemo(deps, { residents: 1_400, reports: 400, seed: 20261123 });
  call = (action, input, cred = {}) => dispatch(deps, 'assessments', { action, data: input }, cred) as never;
}, 120_000);
afterAll(() => deps.store.close());

it('shows staff last month published: a red flag, a yellow flag, one without enough answers, one compound without a company', async () => {
  const review = data(await call<Outputs['assessments']['review']>('review', { month: '2026-11' }, await as('shequ')));
  const by = new Map(review.rows.map((r) => [r.compound.name, r]));
  expect(by.get('幸福里小区')).toMatchObject({ company: { name: '幸福里物业服务有限公司' }, assessment: { status: 'published', flag: 'red', survey: { answers: 8 } } });
  expect(by.get('阳光花园')).toMatchObject({ company: { name: '阳光物业管理有限公司' }, assessment: { status: 'published', flag: 'yellow', survey: { answers: 6 } } });
  expect(by.get('锦绣家园')).toMatchObject({ assessment: { status: 'published', flag: null, result: { noFlagReasons: ['few_answers'] } } });
  expect(by.get('和平新村')).toMatchObject({ company: null, assessment: null });
  // The flags stand on reports the companies' people handled in the month, as figures() counts them.
  for (const name of ['幸福里小区', '阳光花园']) expect(by.get(name)!.assessment!.figures.reports).toBeGreaterThanOrEqual(3);
  expect(by.get('幸福里小区')!.assessment!.publishedBy?.name).toBe('张伟');
});

it('shows the demo resident his compound\'s red flag, and this month\'s survey open for his household', async () => {
  const jumin = await as('jumin');
  const page = data(await call<Outputs['assessments']['compound']>('compound', {}, jumin));
  expect(page).toMatchObject({ compound: { name: '幸福里小区' }, company: { name: '幸福里物业服务有限公司' }, latest: { month: '2026-11', flag: 'red', flagLabel: '红旗' } });
  expect(page.history).toHaveLength(1);
  const survey = data(await call<Outputs['assessments']['survey']>('survey', {}, jumin));
  expect(survey).toMatchObject({ month: '2026-12', open: true, answered: false });
  // Last month is published: closed.
  expect(data(await call<Outputs['assessments']['survey']>('survey', { month: '2026-11' }, jumin))).toMatchObject({ open: false });
});

it('shows staff the survey\'s comments and the companies with their managers', async () => {
  const staff = await as('shequ');
  const companies = data(await call<Outputs['assessments']['companies']>('companies', {}, staff));
  expect(companies.companies.map((c) => [c.name, c.compounds.map((u) => u.name), c.managers.map((m) => m.name)])).toEqual([
    ['幸福里物业服务有限公司', ['幸福里小区'], ['陈强']],
    ['阳光物业管理有限公司', ['阳光花园', '锦绣家园'], expect.arrayContaining(['林海波', '郑春红'])],
  ]);
  const compound = companies.compounds.find((u) => u.name === '阳光花园')!;
  const comments = data(await call<Outputs['assessments']['comments']>('comments', { compoundId: compound.id, month: '2026-11' }, staff));
  expect(comments.comments.map((c) => c.comment)).toEqual(['报修三次都没人来', '垃圾两天才清一次', '地下车库晚上没人巡逻']);
});
