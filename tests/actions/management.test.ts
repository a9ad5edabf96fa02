import ExcelJS from 'exceljs';
import type { Agenda, AuditView, Counted, Dashboard, DeskFilter, DeskRow, DeskSettings, FileDownload, ImportJobView, ImportPreview, Outputs, ReportDetail, Result, Unit } from '../../src/core';
import { DEFAULT_POLICY } from '../../src/core';
import { syntheticReports } from '../../cloudfunctions/lib/seed/reports';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, T0, type Harness } from '../support/harness';
import { csvBytes, follow, previewFile } from './support/imports';

type List = Outputs['management']['list'];
const HOUR = 3600_000;

/** Every Counted in a dashboard, with where it sits. */
function countedIn(x: unknown, at = 'dashboard', out: { at: string; c: Counted }[] = []) {
  if (x && typeof x === 'object') {
    if ('value' in x && 'filter' in x && typeof (x as Counted).value === 'number') out.push({ at, c: x as Counted });
    else for (const [k, v] of Object.entries(x)) countedIn(v, `${at}.${k}`, out);
  }
  return out;
}

async function seedReports(h: Harness, count = 400) {
  const units = await h.allUnits();
  const handlers = new Map<string, string>();
  for (const username of ['louzhang', 'wuye', 'shequ', 'jiedao']) {
    const p = (await h.store.people.findByUsername(username))!;
    for (const b of await h.store.bindings.listForPerson(p.id)) handlers.set(b.unitId, p.id);
  }
  const sun = (await h.store.people.findByUsername('jumin'))!;
  const b1 = await h.unitNamed('1号楼', '幸福里小区');
  const made = syntheticReports({ units, count, now: T0, days: 420, seed: 7, handlers, residents: new Map([[b1.id, [sun.id]]]) });
  for (const { report, entries } of made) await h.store.reports.insert(report, entries);
  return made.map((m) => m.report);
}

describe('desk (the management page)', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  beforeAll(async () => {
    h = await harness();
    await seedReports(h);
    community = await h.unitNamed('阳光社区');
    staff = await h.as('shequ');
  });
  afterAll(() => h.close());

  const list = async (filter: DeskFilter, extra: Record<string, unknown> = {}, cred = staff) => h.call<List>('management', 'list', { filter, ...extra }, cred);

  describe('dashboard', () => {
    it('counts every number from the data, and each number lists exactly its reports on the desk', async () => {
      const d = data(await h.call<Dashboard>('management', 'dashboard', {}, staff));
      expect(d.unit.id).toBe(community.id);
      expect(d.month).toBe('2026-11');
      expect(d.months.map((m) => m.month)).toEqual([
        '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
      ]);
      expect(d.byUnit.map((u) => u.unit.name).sort()).toEqual(['和平新村', '幸福里小区', '锦绣家园', '阳光花园'].sort());
      expect(d.totals.open.value).toBeGreaterThan(0);
      expect(d.totals.overdue.value).toBeGreaterThan(0);
      expect(d.thisMonth.reports.value).toBeGreaterThan(0);
      const all = countedIn(d);
      expect(all.length).toBeGreaterThan(150);
      for (const { at, c } of all) {
        const r = data(await list(c.filter, { limit: 1 }));
        if (r.total !== c.value) throw new Error(`${at}: dashboard says ${c.value}, the desk lists ${r.total} for ${JSON.stringify(c.filter)}`);
      }
      // Sums that must hold.
      expect(d.byUnit.reduce((n, u) => n + u.open.value, 0)).toBe(d.totals.open.value);
      expect(Object.values(d.byLevel).reduce((n, l) => n + l.overdue.value, 0)).toBe(d.totals.overdue.value);
    }, 60_000);

    it('gives the same three rates as reports.figures for the month', async () => {
      const d = data(await h.call<Dashboard>('management', 'dashboard', { month: '2026-10' }, staff));
      const f = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-10' }, staff));
      expect(d.thisMonth.month).toBe('2026-10');
      expect(d.thisMonth.reports.value).toBe(f.reports);
      expect(d.thisMonth.responseRate.rate).toBeCloseTo(f.responseRate!, 10);
      expect(d.thisMonth.onTimeRate.rate).toBeCloseTo(f.onTimeRate!, 10);
      expect(d.thisMonth.satisfactionRate.rate).toBeCloseTo(f.satisfactionRate!, 10);
      expect(d.thisMonth.shareAtLevel).toEqual(f.shareAtLevel);
      // ranking: best on-time rate first, units without resolved reports last
      const rates = d.ranking.map((x) => x.onTimeRate.rate);
      const known = rates.filter((x): x is number => x !== null);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(rates.slice(known.length).every((x) => x === null)).toBe(true);
      expect(d.topCategories.length).toBeGreaterThan(0);
      expect(d.topCategories[0]).toMatchObject({ name: expect.stringMatching(/[\u4e00-\u9fff]/) });
    });

    it('scopes to the unit asked for, and refuses units outside the caller and people who are not staff', async () => {
      const compound = await h.unitNamed('幸福里小区');
      const d = data(await h.call<Dashboard>('management', 'dashboard', { unitId: compound.id }, staff));
      expect(d.byUnit.every((u) => u.unit.path.startsWith(compound.path))).toBe(true);
      const street = await h.unitNamed('幸福街道');
      expectFailure(await h.call('management', 'dashboard', { unitId: street.id }, staff), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('management', 'dashboard', {}, await h.as('louzhang')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('management', 'dashboard', {}, await h.as('jumin')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('management', 'dashboard', {}), 'AUTH.REQUIRED');
      expectFailure(await h.call('management', 'dashboard', { unitId: 'uni_nope' }, staff), 'UNIT.NOT_FOUND', 'unitId');
      expectFailure(await h.call('management', 'dashboard', { month: '2026-13' }, staff), 'INPUT.INVALID', 'month');
      // The street officer sees the street, the default for them.
      expect(data(await h.call<Dashboard>('management', 'dashboard', {}, await h.as('jiedao'))).unit.kind).toBe('street');
    });
  });

  describe('list', () => {
    it('sorts by deadline, pages, and shows staff who reported', async () => {
      const page1 = data(await list({ unitId: community.id, statuses: ['submitted', 'responded'] }, { limit: 10 }));
      const page2 = data(await list({ unitId: community.id, statuses: ['submitted', 'responded'] }, { limit: 10, offset: 10 }));
      expect(page1.total).toBeGreaterThan(20);
      const dues = [...page1.rows, ...page2.rows].map((r) => r.dueAt);
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(20);
      const withResident = data(await list({ unitId: (await h.unitNamed('1号楼', '幸福里小区')).id }, { limit: 200 })).rows.find((r) => r.residentName === '孙福贵');
      expect(withResident).toMatchObject({ residentPhone: '13800000007' });
      const newest = data(await list({ unitId: community.id }, { sort: '-createdAt', limit: 5 })).rows.map((r) => r.createdAt);
      expect(newest).toEqual([...newest].sort((a, b) => b - a));
    });

    it('filters by text, overdue and due within', async () => {
      const lifts = data(await list({ unitId: community.id, q: '电梯' }, { limit: 200 }));
      expect(lifts.total).toBeGreaterThan(0);
      expect(lifts.rows.every((r: DeskRow) => r.description.includes('电梯'))).toBe(true);
      const overdue = data(await list({ unitId: community.id, overdue: true }, { limit: 200 }));
      expect(overdue.rows.every((r) => r.overdue)).toBe(true);
      const soon = data(await list({ unitId: community.id, dueWithinHours: 24 }, { limit: 200 }));
      expect(soon.rows.every((r) => r.dueSoon)).toBe(true);
    });

    it('refuses impossible ranges and foreign units, writing nothing', async () => {
      expectFailure(await list({ unitId: community.id, createdFrom: T0, createdTo: T0 - HOUR }), 'INPUT.INVALID', 'filter.createdTo');
      expectFailure(await list({ unitId: community.id, resolvedFrom: T0, resolvedTo: T0 }), 'INPUT.INVALID', 'filter.resolvedTo');
      expectFailure(await list({ unitId: community.id, dueWithinHours: 0 }), 'INPUT.INVALID', 'filter.dueWithinHours');
      expectFailure(await list({ unitId: community.id }, { limit: 500 }), 'INPUT.INVALID', 'limit');
      expectFailure(await list({ unitId: (await h.unitNamed('幸福街道')).id }), 'AUTH.FORBIDDEN');
      expectFailure(await list({ unitId: community.id }, {}, await h.as('wuye')), 'AUTH.FORBIDDEN');
    });
  });

  describe('reassign', () => {
    it('hands open reports to another handler of their level, with a timeline entry, a message and an audit entry', async () => {
      const b1 = await h.unitNamed('1号楼', '幸福里小区');
      for (const n of [1, 2])
        data(await h.call('reports', 'create', { clientRequestId: `desk-reassign-${n}`, unitId: b1.id, category: 'noise', description: `楼上半夜有噪音，第 ${n} 次` }, await h.as('jumin')));
      const open = data(await list({ unitId: b1.id, statuses: ['submitted', 'responded'], levels: ['building'] }, { limit: 3 })).rows;
      expect(open.length).toBeGreaterThan(0);
      // A second building lead for 1号楼.
      const other = (await h.store.bindings.listForUnit(b1.id)).find((b) => b.role === 'resident')!;
      await h.store.bindings.insert({ id: 'bnd_lead2', personId: other.personId, unitId: b1.id, role: 'building_lead', createdAt: T0, createdBy: null });
      const handlers = data(await h.call<Outputs['management']['handlers']>('management', 'handlers', { unitId: b1.id }, staff));
      expect(handlers.map((x) => x.person.id)).toContain(other.personId);
      const compoundReport = data(await list({ unitId: community.id, statuses: ['submitted'], levels: ['community'] }, { limit: 1 })).rows[0];
      const res = data(
        await h.call<Outputs['management']['reassign']>(
          'management',
          'reassign',
          {
            reports: [...open.map((r) => ({ id: r.id, version: r.version })), { id: open[0].id, version: 99 }, { id: compoundReport.id, version: compoundReport.version }, { id: 'rep_nope', version: 1 }],
            handlerId: other.personId,
            note: '赵桂兰请假，请代为处理',
          },
          staff,
        ),
      );
      expect(res.results.slice(0, open.length).every((x) => x.ok)).toBe(true);
      expect(res.results.slice(open.length).map((x) => x.code)).toEqual(['CONFLICT.VERSION', 'REPORT.BAD_HANDLER', 'REPORT.NOT_FOUND']);
      const detail = data(await h.call<ReportDetail>('reports', 'detail', { id: open[0].id }, staff));
      expect(detail.timeline[0]).toMatchObject({ type: 'reassign', label: '改派负责人', actorName: '张伟' });
      expect(detail.handler?.name).toBe((await h.store.people.get(other.personId))!.name);
      expect((await h.store.messages.listForPerson(other.personId, 10)).filter((m) => m.kind === 'report.assigned')).toHaveLength(open.length);
      const auditLog = data(await h.call<{ entries: AuditView[] }>('management', 'audit', { action: 'desk.reassign' }, staff));
      expect(auditLog.entries).toHaveLength(open.length);
      expect(auditLog.entries[0]).toMatchObject({ actionLabel: '改派了反映', targetKind: 'report', actorName: '张伟' });
      expectFailure(await h.call('management', 'reassign', { reports: [{ id: open[0].id, version: 1 }], handlerId: 'per_nope' }, staff), 'PERSON.NOT_FOUND', 'handlerId');
      expectFailure(await h.call('management', 'reassign', { reports: [], handlerId: other.personId }, staff), 'INPUT.INVALID', 'reports');
    });
  });

  describe('agenda', () => {
    it('lists what was escalated, overdue and disputed since the previous meeting day', async () => {
      const a = data(await h.call<Agenda>('management', 'agenda', { date: '2026-11-23' }, staff));
      expect(a).toMatchObject({ date: '2026-11-23', since: '2026-11-13' });
      expect(a.escalated.length + a.overdue.length + a.disputed.length).toBeGreaterThan(0);
      for (const item of a.escalated) expect(item.reasons).toContain('escalated');
      for (const item of a.overdue) expect(item.reasons).toContain('overdue');
      const first = data(await h.call<Agenda>('management', 'agenda', { date: '2026-12-03' }, staff));
      expect(first.since).toBe('2026-11-23');
      expect(data(await h.call<Agenda>('management', 'agenda', { date: '2026-01-03' }, staff)).since).toBe('2025-12-23');
    });

    it('refuses a day that is not a meeting day', async () => {
      expectFailure(await h.call('management', 'agenda', { date: '2026-11-22' }, staff), 'DESK.NOT_MEETING_DAY', 'date');
      expectFailure(await h.call('management', 'agenda', { date: '2026-11-32' }, staff), 'INPUT.INVALID', 'date');
    });
  });

  describe('settings', () => {
    it('reads the defaults, saves over the version read, refuses a stale one, resets', async () => {
      const s0 = data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
      expect(s0).toMatchObject({ isDefault: true, version: 0, community: { id: community.id } });
      const policy = { ...s0.policy, warnRatio: 0.8, levels: { ...s0.policy.levels, building: { ...s0.policy.levels.building, resolveDays: 2 } } };
      const s1 = data(await h.call<DeskSettings>('management', 'saveSettings', { communityId: community.id, version: 0, policy }, staff));
      expect(s1).toMatchObject({ isDefault: false, version: 1, policy: { warnRatio: 0.8 } });
      expectFailure(await h.call('management', 'saveSettings', { communityId: community.id, version: 0, policy }, await h.as('shuji')), 'CONFLICT.VERSION');
      // The new deadlines apply to new reports.
      const b1 = await h.unitNamed('1号楼', '幸福里小区');
      const filed = data(await h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: 'desk-settings-1', unitId: b1.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着' }, await h.as('jumin')));
      expect(filed.report.dueAt).toBe(Date.parse('2026-11-24T17:00:00+08:00'));
      // A category with open reports cannot be removed.
      const without = { ...policy, categories: policy.categories.filter((c) => c.code !== 'noise') };
      expectFailure(await h.call('management', 'saveSettings', { communityId: community.id, version: 1, policy: without }, staff), 'INPUT.INVALID', 'policy.categories');
      const reset = data(await h.call<DeskSettings>('management', 'resetSettings', { communityId: community.id, version: 1 }, staff));
      expect(reset).toMatchObject({ isDefault: true, version: 2, policy: { warnRatio: DEFAULT_POLICY.warnRatio } });
      const log = data(await h.call<{ entries: AuditView[] }>('management', 'audit', { targetId: community.id }, staff)).entries;
      expect(log.map((e) => e.actionLabel)).toEqual(['恢复了默认反映时限', '修改了反映时限设置']);
      expect(log[0].targetName).toBe('阳光社区反映时限设置');
    });

    it('takes a category override for one level alone, and the other levels keep the general table', async () => {
      const s = data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
      const policy = { ...s.policy, overrides: { noise: { building: { resolveDays: 3 } } } };
      const saved = data(await h.call<DeskSettings>('management', 'saveSettings', { communityId: community.id, version: s.version, policy }, staff));
      expect(saved.policy.overrides).toEqual({ noise: { building: { resolveDays: 3 } } });
      const b1 = await h.unitNamed('1号楼', '幸福里小区');
      const filed = data(await h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: 'desk-override-1', unitId: b1.id, category: 'noise', description: '楼下广场舞音响太大声了' }, await h.as('jumin')));
      // Three working days from the harness clock (Monday 2026-11-23, before office hours) instead of the building's one.
      expect(filed.report.dueAt).toBe(Date.parse('2026-11-25T17:00:00+08:00'));
      expectFailure(
        await h.call('management', 'saveSettings', { communityId: community.id, version: saved.version, policy: { ...policy, overrides: { noise: { floor: { resolveDays: 3 } } } } }, staff),
        'INPUT.INVALID',
      );
    });

    it('refuses bad policies, units that are not communities, and people who are not staff of it', async () => {
      const s = data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
      const bad = { ...s.policy, warnRatio: 2 };
      expectFailure(await h.call('management', 'saveSettings', { communityId: community.id, version: s.version, policy: bad }, staff), 'INPUT.INVALID', 'policy.warnRatio');
      expectFailure(await h.call('management', 'settings', { communityId: (await h.unitNamed('幸福里小区')).id }, staff), 'INPUT.INVALID', 'communityId');
      expectFailure(await h.call('management', 'settings', { communityId: community.id }, await h.as('zhibu')), 'AUTH.FORBIDDEN');
      expect(data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, await h.as('jiedao'))).version).toBe(s.version);
      expect(data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff)).version).toBe(s.version);
    });
  });

  describe('ledger', () => {
    it('exports a unit’s reports of a date range with their timeline, and the three rates per unit', async () => {
      const compound = await h.unitNamed('幸福里小区');
      const file = data(await h.call<FileDownload>('management', 'ledger', { unitId: compound.id, from: '2026-10-01', to: '2026-10-31' }, staff));
      expect(file.fileName).toBe('幸福里小区台账_2026-10-01至2026-10-31.xlsx');
      const expected = data(await list({ unitId: compound.id, createdFrom: Date.parse('2026-10-01T00:00:00+08:00'), createdTo: Date.parse('2026-11-01T00:00:00+08:00') }, { limit: 1 })).total;
      expect(expected).toBeGreaterThan(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      const [sheet, rates] = wb.worksheets;
      expect(sheet.name).toBe('反映台账');
      expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['编号', '受理（首次响应）时间', '上报记录', '办结时间', '负责人', '评价']));
      expect(sheet.rowCount - 2).toBe(expected);
      expect(String(sheet.getRow(3).getCell(2).value)).toMatch(/^2026-10-\d\d \d\d:\d\d$/);
      expect(rates.name).toBe('三率统计');
      const total = rates.getColumn(1).values.indexOf('合计');
      expect(total).toBeGreaterThan(1);
      expect(rates.getRow(total).getCell(2).value).toBe(expected - data(await list({ unitId: compound.id, counted: false, createdFrom: Date.parse('2026-10-01T00:00:00+08:00'), createdTo: Date.parse('2026-11-01T00:00:00+08:00') }, { limit: 1 })).total);
    });

    it('refuses an impossible range and a foreign unit', async () => {
      expectFailure(await h.call('management', 'ledger', { unitId: community.id, from: '2026-11-02', to: '2026-11-01' }, staff), 'INPUT.INVALID', 'to');
      expectFailure(await h.call('management', 'ledger', { unitId: community.id, from: '2026-02-31', to: '2026-11-01' }, staff), 'INPUT.INVALID', 'from');
      expectFailure(await h.call('management', 'ledger', { unitId: (await h.unitNamed('幸福街道')).id, from: '2026-11-01', to: '2026-11-02' }, staff), 'AUTH.FORBIDDEN');
    });
  });

  describe('audit', () => {
    it('lists who did what, newest first, in Chinese, paging back by time', async () => {
      const compound = await h.unitNamed('锦绣家园');
      for (let i = 1; i <= 5; i++) {
        h.clock.advance(1000);
        data(await h.call('units', 'create', { parentId: compound.id, kind: 'building', name: `审计${i}号楼` }, staff));
      }
      const p1 = data(await h.call<{ entries: AuditView[]; more: boolean }>('management', 'audit', { action: 'units.create', limit: 3 }, staff));
      expect(p1.more).toBe(true);
      expect(p1.entries.map((e) => e.targetName)).toEqual(['审计5号楼', '审计4号楼', '审计3号楼']);
      expect(p1.entries[0]).toMatchObject({ actionLabel: '新增单位', actorName: '张伟', targetKind: 'unit' });
      const p2 = data(await h.call<{ entries: AuditView[]; more: boolean }>('management', 'audit', { action: 'units.create', limit: 3, before: p1.entries[2].at }, staff));
      expect(p2.entries.map((e) => e.targetName)).toEqual(['审计2号楼', '审计1号楼']);
      expect(p2.more).toBe(false);
      // Scoped: a building lead is not staff; the street officer sees the community's entries.
      expectFailure(await h.call('management', 'audit', {}, await h.as('louzhang')), 'AUTH.FORBIDDEN');
      const street = data(await h.call<{ entries: AuditView[] }>('management', 'audit', { action: 'units.create' }, await h.as('jiedao')));
      expect(street.entries.length).toBeGreaterThanOrEqual(5);
    });

    it('records report actions against the report', async () => {
      const b1 = await h.unitNamed('1号楼', '幸福里小区');
      const filed = data(await h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: 'desk-audit-1', unitId: b1.id, category: 'noise', description: '楼道灯不亮，晚上看不见' }, await h.as('jumin')));
      const responded = data(await h.call<ReportDetail>('reports', 'respond', { id: filed.report.id, version: filed.report.version }, await h.as('louzhang')));
      h.clock.advance(1000);
      data(await h.call('reports', 'escalate', { id: filed.report.id, version: responded.version, reason: '需要物业配合' }, await h.as('louzhang')));
      const log = data(await h.call<{ entries: AuditView[] }>('management', 'audit', { unitId: b1.id, limit: 5 }, staff)).entries.filter((e) => e.targetId === filed.report.id);
      expect(log.map((e) => e.actionLabel)).toEqual(['上报了反映', '受理了反映', '提交了反映']);
      expect(log[1]).toMatchObject({ targetKind: 'report', targetName: '噪音扰民：楼道灯不亮，晚上看不见', actorName: '赵桂兰' });
    });
  });
});

// ---------------------------------------------------------------- import

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = csvBytes;

describe('desk import', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  beforeAll(async () => {
    h = await harness({ residents: 10 });
    community = await h.unitNamed('阳光社区');
    staff = await h.as('shequ');
  });
  afterAll(() => h.close());

  const snapshot = async () => ({
    units: (await h.allUnits()).length,
    people: await h.store.people.count(),
    bindings: (await Promise.all((await h.allUnits()).map((u) => h.store.bindings.listForUnit(u.id)))).flat().length,
  });
  const preview = async (kind: string, fileName: string, bytes: Buffer, cred = staff, unitId = community.id) =>
    (await previewFile(h, cred, { kind, unitId, fileName, bytes })).preview;
  /** Sends the file again (a new upload) and commits it with the preview's digest, then follows the job to its end. */
  const commit = async (kind: string, fileName: string, bytes: Buffer, digest: string, unitId = community.id): Promise<Result<ImportJobView>> => {
    const { input } = await previewFile(h, staff, { kind, unitId, fileName, bytes });
    const job = await h.call<ImportJobView>('management', 'importCommit', { ...input, digest }, staff);
    if (!job.ok) return job;
    const views = await follow(h, staff, job.data.id);
    return { ok: true, data: views[views.length - 1] };
  };

  it('offers templates that import as they are', async () => {
    for (const kind of ['units', 'residents'] as const) {
      const t = data(await h.call<FileDownload>('management', 'importTemplate', { kind }, staff));
      expect(t.fileName).toMatch(/导入模板\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(t.base64, 'base64') as never);
      expect(wb.worksheets.map((w) => w.name)).toContain('填写说明');
    }
    const units = data(await h.call<FileDownload>('management', 'importTemplate', { kind: 'units' }, staff));
    const p = data(await preview('units', '单位.xlsx', Buffer.from(units.base64, 'base64')));
    expect(p).toMatchObject({ rows: 4, errors: [], willCreate: { units: 4, people: 0, bindings: 0 } });
  });

  it('previews and commits units from an .xlsx, parents before children, all at once', async () => {
    const before = await snapshot();
    const file = await xlsx([
      ['上级单位', '单位名称', '类型'],
      ['', '新华小区', '小区'],
      ['新华小区', '1号楼', '楼栋'],
      ['新华小区', '第1网格', '网格'],
      ['阳光社区/新华小区/第1网格', '2号楼', '楼栋'],
      ['幸福里小区', '9号楼', '楼栋'],
    ]);
    const p = data(await preview('units', '新单位.xlsx', file));
    expect(p).toMatchObject({ kind: 'units', rows: 5, errors: [], willCreate: { units: 5 } });
    expect(p.sample[0]).toEqual({ 上级单位: '', 单位名称: '新华小区', 类型: '小区' });
    expect(await snapshot()).toEqual(before);
    const r = data(await commit('units', '新单位.xlsx', file, p.digest));
    expect(r.created).toEqual({ units: 5, people: 0, bindings: 0 });
    const grid = await h.unitNamed('第1网格', '新华小区');
    expect((await h.allUnits()).find((u) => u.name === '2号楼' && u.parentId === grid.id)).toBeDefined();
    const log = data(await h.call<{ entries: AuditView[] }>('management', 'audit', { action: 'desk.import' }, staff)).entries;
    expect(log[0]).toMatchObject({ actionLabel: '导入了表格', targetKind: 'import', targetName: '新单位.xlsx' });
    // Importing the same file again: every row is now a duplicate.
    const again = data(await preview('units', '新单位.xlsx', file));
    expect(again.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('imports residents from a CSV, matching known phones and binding them', async () => {
    const before = await snapshot();
    const rows = [
      ['姓名', '手机号', '所在楼栋', '角色'],
      ['钱多多', '13711112222', '幸福里小区/1号楼', ''],
      ['钱多多', '13711112222', '幸福里小区/2号楼', '居民'],
      ['孙福贵', '13800000007', '幸福里小区/2号楼', '居民'],
      ['周小楼', '137-1111-3333', '锦绣家园/1号楼', '楼栋长'],
    ];
    const p = data(await preview('residents', '居民.csv', csv(rows)));
    expect(p.errors).toEqual([]);
    expect(p.willCreate).toEqual({ units: 0, people: 2, bindings: 4 });
    data(await commit('residents', '居民.csv', csv(rows), p.digest));
    const after = await snapshot();
    expect(after).toEqual({ units: before.units, people: before.people + 2, bindings: before.bindings + 4 });
    const zhou = (await h.store.imports.findByPhones(['13711113333']))[0];
    expect((await h.store.bindings.listForPerson(zhou.id))[0]).toMatchObject({ role: 'building_lead' });
  });

  it('reports each bad row with its column, and a commit of such a file writes nothing', async () => {
    const before = await snapshot();
    const rows = [
      ['姓名', '手机号', '所在楼栋'],
      ['吴一', '13712345678', '幸福里小区/1号楼'],
      ['吴二', '12345', '幸福里小区/1号楼'],
      ['吴三', '13712345679', '不存在小区/1号楼'],
      ['', '13712345670', '幸福里小区/1号楼'],
      ['吴五', '13712345678', '幸福里小区/1号楼'],
      ['吴六', '13800000007', '幸福里小区/3号楼'],
      ['吴七', '13712345671', '幸福里小区'],
    ];
    const p = data(await preview('residents', '居民.csv', csv(rows)));
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '手机号'],
      [4, '所在楼栋'],
      [5, '姓名'],
      [6, '手机号'],
      [7, '手机号'],
      [8, '所在楼栋'],
    ]);
    for (const e of p.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(p.willCreate).toEqual({ units: 0, people: 0, bindings: 0 });
    const r = await commit('residents', '居民.csv', csv(rows), p.digest);
    expectFailure(r, 'IMPORT.HAS_ERRORS');
    expect(!r.ok && r.message).toMatch(/第 3 行/);
    expect(await snapshot()).toEqual(before);
  });

  it('finds duplicate names, unknown parents and wrong kinds among units', async () => {
    const before = await snapshot();
    const rows = [
      ['上级单位', '单位名称', '类型'],
      ['', '东方小区', '小区'],
      ['', '东方小区', '小区'],
      ['西方小区', '1号楼', '楼栋'],
      ['幸福里小区', '1号楼', '楼栋'],
      ['', '南方小区', '大楼'],
      ['幸福里小区/1号楼', '3单元', '楼栋'],
    ];
    const p = data(await preview('units', 'u.csv', csv(rows)));
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '单位名称'],
      [4, '上级单位'],
      [5, '单位名称'],
      [6, '类型'],
      [7, '类型'],
    ]);
    expect(p.errors[0].message).toContain('与第 2 行重复');
    expect(p.errors[1].message).toContain('西方小区');
    expectFailure(await commit('units', 'u.csv', csv(rows), p.digest), 'IMPORT.HAS_ERRORS');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses wrong columns, files that are not spreadsheets, too many rows, and a changed file', async () => {
    const before = await snapshot();
    expectFailure(await preview('units', 'u.csv', csv([['名称', '类型'], ['东方小区', '小区']])), 'IMPORT.BAD_COLUMNS', 'file');
    const wrong = await preview('residents', 'r.xlsx', await xlsx([['上级单位', '单位名称', '类型'], ['', '东方小区', '小区']]));
    expectFailure(wrong, 'IMPORT.BAD_COLUMNS');
    expect(!wrong.ok && wrong.message).toContain('姓名');
    expectFailure(await preview('units', 'fake.xlsx', Buffer.from('姓名,手机号\n张三,13800000000')), 'IMPORT.BAD_FILE', 'file');
    expectFailure(await preview('units', 'broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)])), 'IMPORT.BAD_FILE');
    expectFailure(await preview('units', 'bin.csv', Buffer.from([0, 1, 2, 3, 0, 0])), 'IMPORT.BAD_FILE');
    expectFailure(await preview('units', 'notes.txt', csv([['a']])), 'INPUT.INVALID', 'fileName');

    const many = [['上级单位', '单位名称', '类型'], ...Array.from({ length: 100_000 }, (_, i) => ['幸福里小区', `${i + 100}号楼`, '楼栋'])];
    const started = Date.now();
    const big = await preview('units', 'big.csv', csv(many));
    expectFailure(big, 'IMPORT.TOO_MANY_ROWS', 'file');
    expect(!big.ok && big.message).toContain('20,000');
    const bigX = await preview('units', 'big.xlsx', await xlsx(many.slice(0, 20_002)));
    expectFailure(bigX, 'IMPORT.TOO_MANY_ROWS');
    expect(Date.now() - started).toBeLessThan(30_000);

    const file = csv([['上级单位', '单位名称', '类型'], ['', '北方小区', '小区']]);
    const p = data(await preview('units', 'u.csv', file));
    expectFailure(await commit('units', 'u.csv', csv([['上级单位', '单位名称', '类型'], ['', '北方小区', '小区'], ['', '多一行小区', '小区']]), p.digest), 'IMPORT.CHANGED', 'digest');
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('is for staff only, within their units', async () => {
    const file = csv([['上级单位', '单位名称', '类型'], ['', '北方小区', '小区']]);
    expectFailure(await preview('units', 'u.csv', file, await h.as('zhibu')), 'AUTH.FORBIDDEN');
    expectFailure(await preview('units', 'u.csv', file, staff, (await h.unitNamed('幸福街道')).id), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('management', 'importTemplate', { kind: 'units' }, await h.as('jumin')), 'AUTH.FORBIDDEN');
  });
});
