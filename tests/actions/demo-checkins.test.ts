/**
 * The demo's party members (seed/checkins.ts), seeded with the full demo: the secretaries' queue, the
 * roster and the counts have something in them, each status reached by the real transitions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../src/core';
import { makeDeps } from '../../cloudfunctions/lib/deps';
import { DEMO_CHECKINS } from '../../cloudfunctions/lib/seed/checkins';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { GRID_COMPOUND } from '../../cloudfunctions/lib/seed/grids';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';

const NOW = Date.parse('2026-11-23T09:00:00+08:00');

it('checks in the demo members of the full demo: approved on the roster with the member role, two waiting, one returned, one transferred out', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-checkins-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  const deps = makeDeps(store, { clock: fixedClock(NOW), log: { info() {}, error() {} } });
  await seedDemo(deps, { residents: 20, reports: 5, seed: 1 });

  const [street] = await store.units.listRoots();
  const listed = await store.checkins.roster({ paths: [street.path], statuses: ['pending', 'approved', 'returned', 'transferred_out', 'withdrawn'] }, 100, 0);
  // 和平新村's branch (its grid's lead and a member) is seeded with the grids: demo-pairings.test.ts.
  const heping = (await store.units.listSubtree(street.path)).find((u) => u.name === GRID_COMPOUND)!;
  const all = { checkins: listed.checkins.filter((c) => c.unitId !== heping.id) };
  const by = (status: string) => all.checkins.filter((c) => c.status === status).map((c) => c.name).sort();
  expect(all.checkins).toHaveLength(DEMO_CHECKINS.length);
  expect(by('approved')).toEqual(['周敏', '杨丽娟', '谢文明', '韩淑珍', '马国庆'].sort());
  expect(by('pending')).toEqual(['宋佳', '胡志强'].sort());
  expect(by('returned')).toEqual(['林秀兰']);
  expect(by('transferred_out')).toEqual(['郭建华']);
  // Nothing dated after now, and a returned or ended one says why.
  for (const c of all.checkins) for (const h of c.history) expect(h.at).toBeLessThanOrEqual(NOW);
  expect(all.checkins.filter((c) => c.status === 'returned' || c.status === 'transferred_out').every((c) => c.reason)).toBe(true);

  // Approval bound the member role: the approved are members, the one transferred out no longer.
  for (const c of all.checkins.filter((x) => x.status === 'approved' || x.status === 'transferred_out')) {
    const bindings = await store.bindings.listForPerson(c.personId!);
    expect(bindings.some((b) => b.role === 'member' && b.unitId === c.unitId)).toBe(c.status === 'approved');
  }
});
