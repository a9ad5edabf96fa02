/**
 * The grid as a level of a community's reports (#21): off, as every community has it until staff
 * turn it on, a report goes from the building to the compound as it always did; on, a report under a
 * grid goes to the grid's lead (家长) or steward (管家) between the two — by hand, by the timer, for an
 * extension — while a building with no grid above it still goes straight to the compound, and says so.
 */
import type { DeskSettings, Outputs, ReportDetail, Role, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { sweep } from '../../cloudfunctions/lib/jobs/sweep';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];

describe('the grid as a level of reports', () => {
  let h: Harness;
  let community: Unit;
  let grid1: Unit;
  /** 和平新村 1号楼, under 第1网格; 幸福里小区 1号楼, directly under its compound. */
  let underGrid: Unit;
  let flat: Unit;
  let staff: Credentials;
  let filer: Credentials;
  let buildingLead: { id: string; cred: Credentials };
  let gridLead: { id: string; cred: Credentials };
  let steward: { id: string; cred: Credentials };
  let req = 0;
  let made = 0;

  /** A person with a login bound as `role` on `unit`. */
  async function personAt(role: Role, unit: Unit, name: string): Promise<{ id: string; cred: Credentials }> {
    const n = ++made;
    const id = `per_grid${n}`;
    await h.store.people.insert({ id, name, phone: null, username: `grid${n}`, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('grid-pass'));
    await h.store.bindings.insert({ id: `bnd_grid${n}`, personId: id, unitId: unit.id, role, createdAt: n, createdBy: null });
    return { id, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: `grid${n}`, password: 'grid-pass' })).token } };
  }

  beforeEach(async () => {
    h = await harness({ residents: 5 });
    community = await h.unitNamed('阳光社区');
    grid1 = await h.unitNamed('第1网格', '和平新村');
    underGrid = await h.unitNamed('1号楼', '第1网格');
    flat = await h.unitNamed('1号楼', '幸福里小区');
    staff = await h.as('shequ');
    // Another of the community's staff takes the calls: whoever files a report reads it as its filer.
    filer = await h.as('shuji');
    made = 0;
    // 和平新村 of the small demo has nobody bound: a lead on the grid's building, a secretary on the compound.
    buildingLead = await personAt('building_lead', underGrid, '楼长甲');
    await personAt('compound_secretary', await h.unitNamed('和平新村'), '郭书记');
    gridLead = await personAt('grid_lead', grid1, '郑家长');
    steward = await personAt('steward', grid1, '钱管家');
  });
  afterEach(() => h.close());

  const settings = async () => data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
  async function turnGrid(on: boolean) {
    const s = await settings();
    return data(await h.call<DeskSettings>('management', 'saveSettings', { communityId: community.id, version: s.version, policy: { ...s.policy, gridLevel: on } }, staff));
  }
  const file = async (unit: Unit, category = 'noise') =>
    data(
      await h.call<Created>(
        'reports',
        'create',
        { clientRequestId: `grid-level-${++req}`, unitId: unit.id, category, description: '楼上每天半夜装修，吵得睡不着', channel: 'phone', contactName: '来电居民' },
        filer,
      ),
    ).report;
  const escalate = async (r: { id: string; version: number }) =>
    data(await h.call<ReportDetail>('reports', 'escalate', { id: r.id, version: r.version, reason: '楼栋协调不了' }, staff));
  const timeline = async (id: string) => (await h.store.reports.timeline(id)).map((e) => `${e.type}:${e.fromLevel ?? ''}>${e.toLevel ?? ''}`);

  describe('off (every community until it is turned on)', () => {
    it('sends a report under a grid from the building straight to the compound, with no word of the grid', async () => {
      expect((await settings()).policy.gridLevel).toBe(false);
      const r = await file(underGrid);
      expect(r.level).toBe('building');
      const up = await escalate(r);
      expect(up.level).toBe('compound');
      expect(await timeline(r.id)).toEqual(['create:>building', 'escalate:building>compound']);
    });

    it('hands the grid’s lead nothing: an empty inbox, and no handling of the building’s report they can read', async () => {
      const r = await file(underGrid);
      const read = data(await h.call<ReportDetail>('reports', 'detail', { id: r.id }, gridLead.cred));
      expect(read.can).not.toContain('escalate');
      const inbox = data(await h.call<Outputs['reports']['inbox']>('reports', 'inbox', { view: 'assigned' }, gridLead.cred));
      expect(inbox.reports).toEqual([]);
    });
  });

  describe('on', () => {
    beforeEach(async () => {
      expect((await turnGrid(true)).policy.gridLevel).toBe(true);
    });

    it('escalates a building report under a grid to its lead, and on to the compound', async () => {
      const r = await file(underGrid);
      expect(r.level).toBe('building');
      expect(data(await h.call<ReportDetail>('reports', 'detail', { id: r.id }, staff)).nextStepForStaff).toContain('超时会自动上报到网格');
      const atGrid = await escalate(r);
      expect(atGrid).toMatchObject({ level: 'grid', levelLabel: '网格', handler: expect.objectContaining({ name: '郑家长' }) });
      expect(atGrid.nextStepForStaff).toContain('超时会自动上报到小区');
      // The lead finds it in their inbox and may act on it.
      const inbox = data(await h.call<Outputs['reports']['inbox']>('reports', 'inbox', { view: 'assigned' }, gridLead.cred));
      expect(inbox.reports.map((x) => x.id)).toEqual([r.id]);
      const mine = data(await h.call<ReportDetail>('reports', 'detail', { id: r.id }, gridLead.cred));
      expect(mine.can).toEqual(expect.arrayContaining(['respond', 'resolve', 'escalate']));
      const atCompound = data(await h.call<ReportDetail>('reports', 'escalate', { id: r.id, version: mine.version, reason: '需要小区出面' }, gridLead.cred));
      expect(atCompound.level).toBe('compound');
      expect(await timeline(r.id)).toEqual(['create:>building', 'escalate:building>grid', 'escalate:grid>compound']);
    });

    it('gives the steward first what the property company handles at the compound, the lead the rest', async () => {
      // Sanitation starts at the compound: the grid is below it and never on the way.
      expect((await file(underGrid, 'sanitation')).level).toBe('compound');
      expect((await escalate(await file(underGrid, 'other'))).handler).toMatchObject({ name: '郑家长' });
      // Charging e-bikes is the property company's at the compound; started at the building, its grid's steward has it next.
      const s = await settings();
      const categories = s.policy.categories.map((c) => (c.code === 'ebike' ? { ...c, entryLevel: 'building' as const } : c));
      data(await h.call('management', 'saveSettings', { communityId: community.id, version: s.version, policy: { ...s.policy, categories } }, staff));
      expect((await escalate(await file(underGrid, 'ebike'))).handler).toMatchObject({ name: '钱管家' });
    });

    it('passes a building with no grid above it straight to the compound, with no skip on its timeline', async () => {
      const r = await file(flat);
      expect(data(await h.call<ReportDetail>('reports', 'detail', { id: r.id }, staff)).nextStepForStaff).toContain('超时会自动上报到小区');
      const up = await escalate(r);
      expect(up.level).toBe('compound');
      expect(await timeline(r.id)).toEqual(['create:>building', 'escalate:building>compound']);
    });

    it('records the grid as skipped when nobody is bound on it, like any level', async () => {
      for (const b of await h.store.bindings.listForUnit(grid1.id)) await h.store.bindings.remove(b.id);
      const r = await file(underGrid);
      const up = await escalate(r);
      expect(up.level).toBe('compound');
      expect(await timeline(r.id)).toEqual(['create:>building', 'escalate:building>compound', 'skip:grid>grid']);
    });

    it('moves an overdue building report to the grid on the timer, on the grid’s deadlines', async () => {
      const r = await file(underGrid);
      h.clock.set(Date.parse('2026-11-24T09:05:00+08:00'));
      expect(await sweep(h.deps, 'grid-run-1')).toMatchObject({ escalated: 1 });
      const moved = (await h.store.reports.get(r.id))!;
      expect(moved).toMatchObject({ level: 'grid', levelUnitId: grid1.id, handlerId: gridLead.id, breaches: [expect.objectContaining({ level: 'building' })] });
      // Two working days at the grid by default: from Tuesday 09:05 to Thursday 09:05.
      expect(moved.dueAt).toBe(Date.parse('2026-11-26T09:05:00+08:00'));
      h.clock.set(Date.parse('2026-11-26T09:10:00+08:00'));
      expect(await sweep(h.deps, 'grid-run-2')).toMatchObject({ escalated: 1 });
      expect((await h.store.reports.get(r.id))!.level).toBe('compound');
    });

    it('asks the grid to decide a building’s extension where there is one, the compound where there is none', async () => {
      const r = await file(underGrid);
      expect((await h.store.reports.get(r.id))!.handlerId).toBe(buildingLead.id);
      const asked = data(await h.call<ReportDetail>('reports', 'requestExtension', { id: r.id, version: r.version, days: 2, reason: '等配件' }, staff));
      expect(asked.extension).toMatchObject({ deciderLevel: 'grid' });
      const seen = data(await h.call<ReportDetail>('reports', 'detail', { id: r.id }, gridLead.cred));
      expect(seen.can).toContain('decideExtension');
      const decided = data(await h.call<ReportDetail>('reports', 'decideExtension', { id: r.id, version: seen.version, approve: true }, gridLead.cred));
      expect(decided.extension).toBeNull();

      const f = await file(flat);
      const flatAsked = data(await h.call<ReportDetail>('reports', 'requestExtension', { id: f.id, version: f.version, days: 2, reason: '等配件' }, staff));
      expect(flatAsked.extension).toMatchObject({ deciderLevel: 'compound' });
    });

    it('keeps a report at the grid going to the compound once the community turns the level off again', async () => {
      const r = await file(underGrid);
      const atGrid = await escalate(r);
      await turnGrid(false);
      const up = data(await h.call<ReportDetail>('reports', 'escalate', { id: r.id, version: atGrid.version, reason: '需要小区出面' }, staff));
      expect(up.level).toBe('compound');
    });
  });
});
