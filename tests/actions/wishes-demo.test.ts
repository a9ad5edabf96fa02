/**
 * The demo's 微心愿 (seed/wishes.ts), seeded with the full demo: a wish in every state for staff to
 * see, open ones for the demo volunteer to claim, the demo member's claimed and confirmed ones (the
 * confirmed one's points on his ledger), and 孙福贵's login able to post one for his home. Read
 * through the actions, as the pages read them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_POINTS_RULES, WISH_STATUSES, fixedClock, type Outputs, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data } from '../support/harness';

const NOW = Date.parse('2026-11-23T09:00:00+08:00');

let deps: Deps;
let call: <T>(action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
const as = async (username: string): Promise<Credentials> =>
  ({ token: data(await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: DEMO_PASSWORD } }, {}) as Result<{ token: string }>).token });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-wishes-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  deps = makeDeps(store, { clock: fixedClock(NOW), log: silentLogger });
  await seedDemo(deps, { residents: 1_400, reports: 5, seed: 1 });
  call = (action, input, cred = {}) => dispatch(deps, 'wishes', { action, data: input }, cred) as never;
});
afterAll(() => deps.store.close());

it('shows staff a wish in every state but withdrawn, the pending ones to approve', async () => {
  const all = data(await call<Outputs['wishes']['list']>('list', {}, await as('shequ')));
  expect(new Set(all.wishes.map((w) => w.status))).toEqual(new Set(WISH_STATUSES.filter((s) => s !== 'withdrawn')));
  const pending = data(await call<Outputs['wishes']['list']>('list', { status: 'pending' }, await as('shequ')));
  expect(pending.wishes).toEqual([expect.objectContaining({ postedVia: 'lead', postedBy: expect.objectContaining({ name: '赵桂兰' }), can: expect.objectContaining({ approve: true }) })]);
  expect(all.wishes.find((w) => w.status === 'confirmed')).toMatchObject({ points: DEFAULT_POINTS_RULES.wish.points, claimer: { name: '周敏' } });
});

it('gives the demo volunteer open wishes to claim, in the public view', async () => {
  const open = data(await call<Outputs['wishes']['open']>('open', {}, await as('zhiyuan')));
  expect(open.total).toBe(2);
  expect(JSON.stringify(open)).not.toMatch(/孙福贵|1380000000|302/);
});

it('puts the demo member’s claimed and confirmed wishes in his list, and the confirmed one’s points on his ledger', async () => {
  const zhou = await as('dangyuan');
  const mine = data(await call<Outputs['wishes']['mine']>('mine', {}, zhou));
  expect(mine.claimed.map((w) => w.status).sort()).toEqual(['claimed', 'confirmed']);
  expect(mine.claimed.find((w) => w.status === 'claimed')!.contact).toMatchObject({ lead: expect.objectContaining({ roleLabel: '楼栋长' }) });
  const member = (await deps.store.people.findByUsername('dangyuan'))!;
  const confirmed = mine.claimed.find((w) => w.status === 'confirmed')!;
  expect(await deps.store.points.get(`wish:${confirmed.id}`)).toMatchObject({ personId: member.id, points: DEFAULT_POINTS_RULES.wish.points });
});

it('lets 孙福贵 post a wish for his home, and shows him his own', async () => {
  const sun = await as('jumin');
  expect(data(await call<Outputs['wishes']['mine']>('mine', {}, sun)).posted).toHaveLength(1);
  const posted = data(await call<Outputs['wishes']['post']>('post', { clientRequestId: 'demo-test-post', what: '想要一个暖手宝', forWhom: '独居老人', byDate: '2026-12-10' }, sun));
  expect(posted).toMatchObject({ created: true, wish: { status: 'pending', postedVia: 'self' } });
});
