/**
 * The echo wall (回音壁), reports.echoWall: a compound's resolved reports of a month, read by anyone
 * unregistered from the compound's public code or link — never a name, a phone or a door; photos only
 * when the form allowed it and the person consents; a private report without its building.
 */
import type { CodeView, EchoWall, Outputs, ReportDetail, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
/** A valid 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const STRANGER: Credentials = { ip: '203.0.113.9' };

describe('the echo wall', () => {
  let h: Harness;
  let compound: Unit;
  let building: Unit;
  let req = 0;
  let resident: { id: string; name: string; phone: string | null };
  let lead: { name: string; phone: string | null };

  beforeEach(async () => {
    h = await harness();
    compound = await h.unitNamed('幸福里小区');
    building = await h.unitNamed('1号楼', '幸福里小区');
    const p = (await h.store.people.findByUsername('jumin'))!;
    resident = { id: p.id, name: p.name, phone: p.phone };
    const l = (await h.store.people.findByUsername('louzhang'))!;
    lead = { name: l.name, phone: l.phone };
  });
  afterEach(() => h.close());

  /** Filed by the resident (with a photo), resolved by the lead with `note`, rated. */
  async function resolvedReport(extra: Record<string, unknown> = {}, note = '已和楼上住户沟通，晚上十点后不再施工') {
    const photo = await h.deps.photos.put(PNG, resident.id);
    const filed = data(
      await h.call<Created>(
        'reports',
        'create',
        { clientRequestId: `echo-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', photos: [photo.id], ...extra },
        await h.as('jumin'),
      ),
    ).report;
    h.clock.advance(3 * 3600_000);
    const r = data(await h.call<ReportDetail>('reports', 'resolve', { id: filed.id, version: filed.version, note }, await h.as('louzhang')));
    data(await h.call<ReportDetail>('reports', 'rate', { id: filed.id, version: r.version, rating: 'satisfied' }, await h.as('jumin')));
    return { id: filed.id, photo: photo.id };
  }
  const wall = async (input: Record<string, unknown> = { compoundId: compound.id }, cred: Credentials = STRANGER) => data(await h.call<EchoWall>('reports', 'echoWall', input, cred));

  it('shows a resolved report to someone who never registered: what, where, what was done, how long, the rating', async () => {
    await resolvedReport();
    const w = await wall();
    expect(w).toMatchObject({ compound: { id: compound.id, name: '幸福里小区' }, month: '2026-11', total: 1, tally: { resolved: 1, onTime: 1, rated: 1, satisfied: 1 } });
    expect(w.trail).toContain('幸福里小区');
    expect(w.entries).toEqual([
      expect.objectContaining({ categoryName: expect.any(String), place: '1号楼', reported: '楼上每天半夜装修，吵得睡不着', done: '已和楼上住户沟通，晚上十点后不再施工', took: '1 个工作日内', onTime: true, ratingLabel: '满意', photos: [] }),
    ]);
    expect(w.months[0]).toEqual({ month: '2026-11', count: 1 });
    expect(w.months).toHaveLength(12);
  });

  it('never carries a name, a phone or a door, whatever was typed', async () => {
    await resolvedReport(
      { description: `我是${resident.name}，1单元502，电话${resident.phone}，楼上装修太吵`, location: '1单元502门口' },
      `${lead.name}已上门，${resident.name}家已安静，有事打${lead.phone}`,
    );
    const text = JSON.stringify(await wall());
    for (const never of [resident.name, resident.phone!, lead.name, lead.phone!, '502', resident.id]) expect(text).not.toContain(never);
    expect(text).toContain('楼上装修太吵');
  });

  it('keeps a report filed with its name private off its building and location', async () => {
    await resolvedReport({ anonymous: true, location: '1单元电梯口', photosPublic: true });
    const [e] = (await wall()).entries;
    expect(e.place).toBe('反映人选择匿名');
    expect(JSON.stringify(e)).not.toMatch(/1号楼|电梯口/);
    expect(e.photos).toEqual([]);
  });

  describe('photos', () => {
    it('shows them when the form allowed it and the person consents', async () => {
      await resolvedReport({ photosPublic: true });
      const [e] = (await wall()).entries;
      expect(e.photos).toHaveLength(1);
      expect(e.photos[0]).toMatch(/^\/files\/|^https?:|^cloud:/);
    });

    it('leaves them off by default, as on every report filed before the choice', async () => {
      await resolvedReport();
      expect((await h.store.reports.list({ path: compound.path }, 5))[0].photosPublic).toBe(false);
      // A report from before the choice has no field at all.
      const { id } = await resolvedReport();
      const stored = (await h.store.reports.get(id))!;
      delete stored.photosPublic;
      await h.store.reports.save({ ...stored, photos: stored.photos }, stored.version, []);
      expect((await wall()).entries.map((e) => e.photos)).toEqual([[], []]);
    });

    it('leaves them off once the person has withdrawn their consent, even when the form allowed it', async () => {
      await resolvedReport({ photosPublic: true });
      data(await h.call('people', 'setConsent', { photos: false }, await h.as('jumin')));
      expect((await wall()).entries[0].photos).toEqual([]);
    });
  });

  it('lists the month asked for only, and counts the months offered', async () => {
    // One resolved in October (moved there in the store: a session would not last the wait), one now.
    const { id } = await resolvedReport();
    const october = (await h.store.reports.get(id))!;
    await h.store.reports.save({ ...october, resolvedAt: Date.parse('2026-10-20T10:00:00+08:00') }, october.version, []);
    await resolvedReport({ description: '小区门口路灯不亮了，晚上看不见' });
    const nov = await wall();
    expect(nov.month).toBe('2026-11');
    expect(nov.entries.map((e) => e.reported)).toEqual(['小区门口路灯不亮了，晚上看不见']);
    expect(nov.months.slice(0, 3)).toEqual([
      { month: '2026-11', count: 1 },
      { month: '2026-10', count: 1 },
      { month: '2026-09', count: 0 },
    ]);
    expect((await wall({ compoundId: compound.id, month: '2026-10' })).entries.map((e) => e.reported)).toEqual(['楼上每天半夜装修，吵得睡不着']);
    expectFailure(await h.call('reports', 'echoWall', { compoundId: compound.id, month: '2026-12' }, STRANGER), 'INPUT.INVALID', 'month');
  });

  it('leaves out open reports and those of other compounds', async () => {
    data(await h.call<Created>('reports', 'create', { clientRequestId: 'echo-open-1', unitId: building.id, category: 'noise', description: '还没处理的一条反映内容' }, await h.as('jumin')));
    await resolvedReport();
    const other = (await h.allUnits()).find((u) => u.kind === 'compound' && u.id !== compound.id)!;
    expect((await wall()).entries).toHaveLength(1);
    expect((await wall({ compoundId: other.id })).entries).toEqual([]);
  });

  describe('the way to it', () => {
    it('opens from the compound’s public code', async () => {
      await resolvedReport();
      const code = data(await h.call<CodeView>('codes', 'create', { unitId: compound.id, purpose: 'public' }, await h.as('jiedao')));
      expect((await wall({ codeId: code.id })).entries).toHaveLength(1);
    });

    it('refuses a code made for something else, and a code that was revoked', async () => {
      const building_ = data(await h.call<CodeView>('codes', 'create', { unitId: building.id, purpose: 'building' }, await h.as('jiedao')));
      expectFailure(await h.call('reports', 'echoWall', { codeId: building_.id }, STRANGER), 'CODE.WRONG_PURPOSE', 'codeId');
      const pub = data(await h.call<CodeView>('codes', 'create', { unitId: compound.id, purpose: 'public' }, await h.as('jiedao')));
      data(await h.call('codes', 'revoke', { id: pub.id, reason: '海报换新了' }, await h.as('jiedao')));
      expectFailure(await h.call('reports', 'echoWall', { codeId: pub.id }, STRANGER), 'CODE.REVOKED');
      expectFailure(await h.call('reports', 'echoWall', { codeId: 'zzzzzzzzzzzz' }, STRANGER), 'CODE.NOT_FOUND', 'codeId');
    });

    it('refuses what is not a compound', async () => {
      expectFailure(await h.call('reports', 'echoWall', { compoundId: building.id }, STRANGER), 'UNIT.NOT_FOUND', 'compoundId');
      expectFailure(await h.call('reports', 'echoWall', { compoundId: 'unit_nope' }, STRANGER), 'UNIT.NOT_FOUND', 'compoundId');
      expectFailure(await h.call('reports', 'echoWall', {}, STRANGER), 'UNIT.NOT_FOUND', 'compoundId');
    });

    it('opens a resident’s own compound from home', async () => {
      await resolvedReport();
      const w = await wall({}, await h.as('jumin'));
      expect(w.compound.id).toBe(compound.id);
      expect(w.entries).toHaveLength(1);
    });

    it('limits how often one caller reads it, as resolving codes is limited', async () => {
      for (let i = 0; i < 60; i++) await wall();
      expectFailure(await h.call('reports', 'echoWall', { compoundId: compound.id }, STRANGER), 'ECHO.TOO_MANY_TRIES');
      // Another address is not held back; the next window lets the first in again.
      await wall({ compoundId: compound.id }, { ip: '203.0.113.10' });
      h.clock.advance(10 * 60_000);
      await wall();
    });
  });
});
