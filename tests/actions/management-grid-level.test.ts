/**
 * The grid level in the management page's settings and figures (#21): a community turns it on in its
 * deadline settings; settings saved before the switch existed still read and save; a community that
 * leaves it off reads the four levels it always read on the dashboard and in the figures.
 */
import type { Dashboard, DeskSettings, Outputs, ReportDetail, Unit } from '../../src/core';
import { DEFAULT_POLICY } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, expectFailure, harness, type Harness } from '../support/harness';

const FOUR = ['building', 'compound', 'community', 'street'];
const FIVE = ['building', 'grid', 'compound', 'community', 'street'];

describe('the grid level in the settings and the figures', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    community = await h.unitNamed('阳光社区');
    staff = await h.as('shequ');
  });
  afterEach(() => h.close());

  const read = async () => data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
  const save = (version: number, policy: unknown) => h.call<DeskSettings>('management', 'saveSettings', { communityId: community.id, version, policy }, staff);
  const dashboard = async () => data(await h.call<Dashboard>('management', 'dashboard', {}, staff));

  describe('settings', () => {
    it('has the level off by default, with the grid’s deadlines ready for when it is turned on', async () => {
      const s = await read();
      expect(s.policy.gridLevel).toBe(false);
      expect(s.policy.levels.grid).toEqual(DEFAULT_POLICY.levels.grid);
    });

    it('turns the level on and off, a version each, and keeps the grid’s own deadlines', async () => {
      const s = await read();
      const on = data(await save(s.version, { ...s.policy, gridLevel: true, levels: { ...s.policy.levels, grid: { ...s.policy.levels.grid, resolveDays: 3 } } }));
      expect(on).toMatchObject({ version: 1, policy: { gridLevel: true, levels: { grid: { resolveDays: 3 } } } });
      const off = data(await save(on.version, { ...on.policy, gridLevel: false }));
      expect(off).toMatchObject({ version: 2, policy: { gridLevel: false, levels: { grid: { resolveDays: 3 } } } });
    });

    it('reads settings saved before the grid could be a level: four levels, no switch, the level off', async () => {
      const { gridLevel: _off, levels, ...rest } = DEFAULT_POLICY;
      const { grid: _grid, ...four } = levels;
      const old = { ...rest, levels: { ...four, building: { ...four.building, resolveDays: 2 } } };
      expect(await h.store.meta.compareAndSet(`policy:${community.id}`, null, JSON.stringify({ version: 3, policy: old }))).toBe(true);
      const s = await read();
      expect(s).toMatchObject({ version: 3, isDefault: false, policy: { gridLevel: false, levels: { building: { resolveDays: 2 }, grid: DEFAULT_POLICY.levels.grid } } });
      // A page that knows nothing of the grid sends the four levels back: the same policy, no new version.
      expect(data(await save(3, old))).toEqual(s);
    });

    it('refuses a category that starts at the grid while the grid is no level, writing nothing', async () => {
      const s = await read();
      const categories = s.policy.categories.map((c) => (c.code === 'noise' ? { ...c, entryLevel: 'grid' } : c));
      const r = await save(s.version, { ...s.policy, categories });
      expectFailure(r, 'INPUT.INVALID', 'policy.categories');
      expect(!r.ok && r.message).toMatch(/网格作为一级/);
      expect(await h.store.meta.get(`policy:${community.id}`)).toBeNull();
      expect(data(await save(s.version, { ...s.policy, gridLevel: true, categories })).policy.categories.find((c) => c.code === 'noise')).toMatchObject({ entryLevel: 'grid' });
    });

    it('refuses a bad grid deadline beside its field', async () => {
      const s = await read();
      const r = await save(s.version, { ...s.policy, gridLevel: true, levels: { ...s.policy.levels, grid: { ...s.policy.levels.grid, resolveDays: 0 } } });
      expectFailure(r, 'INPUT.INVALID', 'policy.levels.grid.resolveDays');
    });
  });

  describe('the dashboard and the figures', () => {
    /** A report on 和平新村 1号楼 (under 第1网格) escalated to the grid's lead and resolved there. */
    async function resolvedAtTheGrid() {
      const grid1 = await h.unitNamed('第1网格', '和平新村');
      const building = await h.unitNamed('1号楼', '第1网格');
      await h.store.people.insert({ id: 'per_gl', name: '郑家长', phone: null, username: 'gl', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('grid-pass'));
      await h.store.bindings.insert({ id: 'bnd_gl', personId: 'per_gl', unitId: grid1.id, role: 'grid_lead', createdAt: 0, createdBy: null });
      const filed = data(
        await h.call<Outputs['reports']['create']>(
          'reports',
          'create',
          { clientRequestId: 'grid-figures-1', unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', channel: 'phone', contactName: '来电居民' },
          await h.as('shuji'),
        ),
      ).report;
      const r = filed.level === 'grid' ? filed : data(await h.call<ReportDetail>('reports', 'escalate', { id: filed.id, version: filed.version, reason: '楼栋协调不了' }, staff));
      expect(r.level).toBe('grid');
      data(await h.call<ReportDetail>('reports', 'resolve', { id: r.id, version: r.version, note: '家长上门调解好了' }, staff));
    }

    it('shows the four levels it always showed while the grid is no level', async () => {
      const d = await dashboard();
      expect(Object.keys(d.byLevel)).toEqual(FOUR);
      expect(Object.keys(d.thisMonth.resolvedAtLevel)).toEqual(FOUR);
      expect(Object.keys(d.thisMonth.shareAtLevel)).toEqual(FOUR);
      for (const m of d.months) expect(Object.keys(m.resolvedAtLevel)).toEqual(FOUR);
      const f = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-11' }, staff));
      expect(Object.keys(f.resolvedAtLevel)).toEqual(FOUR);
    });

    it('shows the grid once the community makes it a level, and counts what was resolved there', async () => {
      const s = await read();
      data(await save(s.version, { ...s.policy, gridLevel: true }));
      const before = await dashboard();
      expect(Object.keys(before.byLevel)).toEqual(FIVE);
      expect(before.thisMonth.resolvedAtLevel.grid).toMatchObject({ value: 0, filter: expect.objectContaining({ resolvedLevels: ['grid'] }) });

      await resolvedAtTheGrid();
      const d = await dashboard();
      expect(d.thisMonth.resolvedAtLevel.grid!.value).toBe(1);
      expect(d.byLevel.grid!.open.filter).toMatchObject({ levels: ['grid'] });
      // The desk lists exactly what the grid's figure counts.
      const desk = data(await h.call<Outputs['management']['list']>('management', 'list', { filter: d.thisMonth.resolvedAtLevel.grid!.filter }, staff));
      expect(desk.total).toBe(1);
      const f = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-11' }, staff));
      expect(f.resolvedAtLevel.grid).toBe(1);
    });

    it('keeps showing the grid where reports were resolved there after the level is turned off', async () => {
      const s = await read();
      const on = data(await save(s.version, { ...s.policy, gridLevel: true }));
      await resolvedAtTheGrid();
      data(await save(on.version, { ...on.policy, gridLevel: false }));
      expect(Object.keys((await dashboard()).thisMonth.resolvedAtLevel)).toEqual(FIVE);
    });
  });
});
