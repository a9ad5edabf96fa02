/**
 * The demo's 共建单位 (seed/partners.ts), seeded with the full demo: three partners of 阳光社区 with their
 * resources, the in-service member 周敏 linked to her hospital, the company's contact 吴婷 acting for it
 * in the mini-program, a need in each state (open, claimed with an active project and milestones, met
 * by a done project) and this month's visits — 区税务局 has not visited. Read through the actions, as the
 * pages read them.
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

type Out = Outputs['partners'];
const NOW = Date.parse('2026-11-23T09:00:00+08:00');

let deps: Deps;
let call: <T>(action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
const as = async (username: string): Promise<Credentials> =>
  ({ token: data(await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: DEMO_PASSWORD } }, {}) as Result<{ token: string }>).token });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-partners-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  deps = makeDeps(store, { clock: fixedClock(NOW), log: silentLogger });
  await seedDemo(deps, { residents: 1_400, reports: 5, seed: 1 });
  call = (action, input, cred = {}) => dispatch(deps, 'partners', { action, data: input }, cred) as never;
});
afterAll(() => deps.store.close());

it('lists three partners for staff, 区税务局 not visited this month', async () => {
  const list = data(await call<Out['list']>('list', {}, await as('shequ')));
  expect(list.partners.map((p) => [p.name, p.kindLabel, p.visitedThisMonth])).toEqual(
    expect.arrayContaining([
      ['市第一人民医院', '医院', true],
      ['区税务局', '机关单位', false],
      ['幸福里开发公司', '企业', true],
    ]),
  );
  expect(list.partners).toHaveLength(3);
  const hospital = list.partners.find((p) => p.name === '市第一人民医院')!;
  expect(hospital).toMatchObject({ members: 1, resourcesOffered: 2, projectsOpen: 1, projectsDone: 0 });
  const detail = data(await call<Out['detail']>('detail', { id: hospital.id }, await as('shequ')));
  expect(detail.memberList.map((m) => m.person.name)).toEqual(['周敏']);
  const company = data(await call<Out['resources']>('resources', {}, await as('shequ'))).resources.find((r) => r.title === '251 平方米活动室');
  expect(company).toMatchObject({ kind: 'room', amount: '251 平方米', partner: { name: '幸福里开发公司' }, can: { ask: true } });
});

it('has a need open, one claimed with an active project and milestones, one met by a done project', async () => {
  const staff = await as('shequ');
  const needs = data(await call<Out['needs']>('needs', {}, staff)).needs;
  expect(needs.map((n) => [n.title, n.status]).sort()).toEqual(
    [
      ['独居老人助餐志愿者', 'open'],
      ['老年人健康义诊', 'claimed'],
      ['重阳节敬老活动场地', 'met'],
    ].sort(),
  );
  const projects = data(await call<Out['projects']>('projects', {}, staff)).projects;
  const active = projects.find((p) => p.status === 'active')!;
  expect(active).toMatchObject({ title: '老年人健康义诊', partner: { name: '市第一人民医院' }, partnerOwner: { name: '周敏' }, communityOwner: { name: '张伟' }, can: { close: true } });
  expect(active.milestones.map((m) => m.doneAt !== null)).toEqual([true, false]);
  expect(projects.find((p) => p.status === 'done')).toMatchObject({ startedBy: 'community', resource: { title: '251 平方米活动室' }, result: { text: expect.stringContaining('86 位老人') } });
  const figures = data(await call<Out['figures']>('figures', { year: 2026 }, staff));
  expect(figures.total).toMatchObject({ partners: 3, needsPosted: 3, needsMet: 1, projectsOpen: 1, projectsDone: 1, visits: 2, membersLinked: 1 });
  expect(figures.notVisitedThisMonth.map((p) => p.name)).toEqual(['区税务局']);
});

it('lets the demo member and the demo volunteer act for their partners in the mini-program', async () => {
  const zhou = data(await call<Out['mine']>('mine', {}, await as('dangyuan'))).partners;
  expect(zhou).toMatchObject([{ partner: { name: '市第一人民医院' }, side: 'member', openNeeds: [{ title: '独居老人助餐志愿者', can: { claim: true } }] }]);
  expect(zhou[0].projects.map((p) => p.title)).toEqual(['老年人健康义诊']);
  const wu = data(await call<Out['mine']>('mine', {}, await as('zhiyuan'))).partners;
  expect(wu).toMatchObject([{ partner: { name: '幸福里开发公司' }, side: 'contact', sideLabel: '联络人' }]);
  expect(wu[0].resources.map((r) => r.title).sort()).toEqual(['251 平方米活动室', '节日活动经费']);
  expect(data(await call<Out['mine']>('mine', {}, await as('jumin'))).partners).toEqual([]);
});
