/**
 * The demo's 党群小家 and 联户 (seed/grids.ts, seed/pairings.ts), seeded with the full demo: 网格 shows
 * households with one grid within 50–80 and two warned, a lead and a steward who sign in as demo logins
 * named by their grid role; 联户 lists pairings with visits and counts; 周敏's 我的联户 is not empty.
 * Read through the actions, as the pages read them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Outputs, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { DEMO_GRID_PEOPLE } from '../../cloudfunctions/lib/seed/grids';
import { DEMO_PAIRINGS } from '../../cloudfunctions/lib/seed/pairings';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data } from '../support/harness';

const NOW = Date.parse('2026-11-23T09:00:00+08:00');

let call: <T>(fn: string, action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
const as = async (username: string): Promise<Credentials> => ({ token: data(await call<{ token: string }>('auth', 'signIn', { username, password: DEMO_PASSWORD })).token });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-pairings-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  const deps = makeDeps(store, { clock: fixedClock(NOW), log: silentLogger });
  // Enough residents for every grid building's households (32 a building at most).
  await seedDemo(deps, { residents: 1_400, reports: 5, seed: 1 });
  call = (fn, action, input, cred = {}) => dispatch(deps, fn, { action, data: input }, cred) as never;
});

it('lists the grid lead and the steward among the demo logins, by their grid role', async () => {
  const logins = data(await call<{ username: string; role: string; unit: string }[]>('auth', 'demoLogins', {}));
  for (const p of DEMO_GRID_PEOPLE) expect(logins).toContainEqual(expect.objectContaining({ username: p.username, role: p.role, unit: '第1网格' }));
});

it('counts households in 和平新村’s grids: one within 50–80, one too few, one too many, with the lead and steward', async () => {
  const staff = await as('shequ');
  const tree = data(await call<{ units: { id: string; name: string }[] }>('units', 'tree', {}, staff));
  const heping = tree.units.find((u) => u.name === '和平新村')!;
  const grids = data(await call<Outputs['units']['grids']>('units', 'grids', { unitId: heping.id }, staff)).grids;
  expect(grids.map((g) => [g.grid.name, g.households, g.size])).toEqual([
    ['第1网格', 66, 'right'],
    ['第2网格', 36, 'few'],
    ['第3网格', 96, 'many'],
  ]);
  expect(grids[0]).toMatchObject({ warning: null, leads: [{ name: '郑秀云' }], stewards: [{ name: '钱卫东' }] });
  expect(grids[1].warning).toContain('少于 50 户');
  expect(grids[2].warning).toContain('多于 80 户');
});

it('gives the grid lead a check-in on the roster and lets her and the steward sign in', async () => {
  const roster = data(await call<Outputs['members']['roster']>('members', 'roster', { limit: 500 }, await as('shuji')));
  expect(roster.rows.filter((r) => r.unit.name === '和平新村').map((r) => r.name).sort()).toEqual(['曹建民', '郑秀云'].sort());
  for (const p of DEMO_GRID_PEOPLE) {
    const me = data(await call<{ bindings: { role: string }[] }>('auth', 'whoAmI', {}, await as(p.username)));
    expect(me.bindings.map((b) => b.role).sort()).toEqual([p.role, p.holds].sort());
  }
});

it('pairs members with households, with visits, counted per member and per kind; 周敏 reads her own', async () => {
  const shuji = await as('shuji');
  const all = data(await call<Outputs['pairings']['list']>('pairings', 'list', { includeEnded: true }, shuji));
  expect(all.total).toBe(DEMO_PAIRINGS.length);
  expect(all.rows.filter((p) => p.status === 'ended').map((p) => p.endReason)).toEqual(['住户已搬去子女家居住']);
  const counts = data(await call<Outputs['pairings']['counts']>('pairings', 'counts', {}, shuji));
  const visits = DEMO_PAIRINGS.filter((p) => !p.ended).reduce((n, p) => n + p.visits.length, 0);
  expect(counts.total).toEqual({ members: 3, households: DEMO_PAIRINGS.length - 1, visits, reports: 0 });
  expect(counts.members.map((m) => [m.member.name, m.households, m.visits])).toEqual([
    ['郑秀云', 3, 6],
    ['周敏', 2, 3],
    ['曹建民', 1, 1],
  ]);
  expect(counts.kinds).toContainEqual({ kind: '独居老人', households: 2, visits: 5 });
  // Every visit is dated on or before today, and after its pairing began.
  const listed = data(await call<Outputs['pairings']['visits']>('pairings', 'visits', { limit: 500 }, shuji));
  expect(listed.total).toBe(DEMO_PAIRINGS.reduce((n, p) => n + p.visits.length, 0));
  expect(listed.rows.every((v) => v.date <= '2026-11-23')).toBe(true);

  const mine = data(await call<Outputs['pairings']['mine']>('pairings', 'mine', {}, await as('dangyuan')));
  expect(mine.pairings.map((p) => p.kinds)).toEqual([['独居老人'], ['困境儿童']]);
});
