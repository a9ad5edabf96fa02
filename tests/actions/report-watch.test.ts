/**
 * 关注: an urgent report filed in a building goes straight to the compound (the lift to the
 * property company), and the building's lead is told and reads it, without handling it, following
 * it or being counted (src/core/access.ts WATCHES_URGENT_IN_BUILDING).
 */
import type { Outputs, ReportDetail, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
type Inbox = Outputs['reports']['inbox'];

describe('the building lead watching urgent reports in their building', () => {
  let h: Harness;
  let building: Unit;
  let req = 0;
  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
  });
  afterEach(() => h.close());

  const file = async (extra: Record<string, unknown> = {}, who = 'jumin') =>
    data(
      await h.call<Created>(
        'reports',
        'create',
        { clientRequestId: `watch-request-${++req}`, unitId: building.id, category: 'lift', description: '3单元电梯停了，老人下不了楼', ...extra },
        await h.as(who),
      ),
    ).report;
  const lead = () => h.as('louzhang');
  const leadId = async () => (await h.store.people.findByUsername('louzhang'))!.id;

  it('tells the lead when an urgent report is filed in their building, naming it and who handles it', async () => {
    const filed = await file();
    expect(filed).toMatchObject({ level: 'compound', urgent: true, handler: { name: '陈强' } });
    const told = (await h.store.messages.listForPerson(await leadId(), 10)).find((m) => m.kind === 'report.urgentWatch');
    expect(told).toMatchObject({ title: '您楼里有一条紧急反映', page: `pages/report/detail?id=${filed.id}` });
    expect(told!.body).toContain('电梯');
    expect(told!.body).toContain('1号楼');
    expect(told!.body).toContain('物业');
  });

  it('lets the lead read it, saying why, with nothing to do on it and without counting as a follower', async () => {
    const filed = await file();
    const seen = data(await h.call<ReportDetail>('reports', 'detail', { id: filed.id }, await lead()));
    expect(seen.watching).toBe(true);
    expect(seen.watchNote).toBe('这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。');
    expect(seen.can).toEqual([]);
    expect(seen.followers).toBe(0);
    // The lead approved the people of their building and knows them: they read who reported it.
    expect(seen.resident).toEqual({ name: '孙福贵', phone: '13800000007' });
    expect((await h.store.reports.get(filed.id))!.followers).toEqual([]);
  });

  it('says nothing of watching to the handler, the resident or staff, nor on a report the lead handles', async () => {
    const filed = await file();
    for (const who of ['wuye', 'jumin', 'shequ']) {
      const seen = data(await h.call<ReportDetail>('reports', 'detail', { id: filed.id }, await h.as(who)));
      expect(seen).toMatchObject({ watching: false, watchNote: null });
    }
    const noise = await file({ category: 'noise', description: '楼上每天半夜装修' });
    expect(data(await h.call<ReportDetail>('reports', 'detail', { id: noise.id }, await lead()))).toMatchObject({ watching: false, watchNote: null });
  });

  it('lists the urgent reports of the lead’s building as a 关注 view of the inbox, counted apart from their own', async () => {
    const filed = await file();
    await file({ category: 'noise', description: '楼上每天半夜装修' });
    const watching = data(await h.call<Inbox>('reports', 'inbox', { view: 'watching' }, await lead()));
    expect(watching.reports.map((r) => r.id)).toEqual([filed.id]);
    expect(watching.counts).toMatchObject({ assigned: 1, watching: 1 });
    // The handler has nothing to watch: it is theirs.
    const wuye = data(await h.call<Inbox>('reports', 'inbox', { view: 'watching' }, await h.as('wuye')));
    expect(wuye.reports).toEqual([]);
    expect(wuye.counts.watching).toBe(0);
    // Resolved, it leaves the view.
    const r = (await h.store.reports.get(filed.id))!;
    data(await h.call<ReportDetail>('reports', 'resolve', { id: filed.id, version: r.version, note: '已修好' }, await h.as('wuye')));
    expect(data(await h.call<Inbox>('reports', 'inbox', { view: 'watching' }, await lead())).counts.watching).toBe(0);
  });

  it('does not reach a lead of another building, nor a report on the compound’s common areas', async () => {
    const other = await h.unitNamed('2号楼', '幸福里小区');
    await h.store.people.insert({ id: 'per_lead2', name: '钱楼长', phone: '13955557777', username: 'lead2', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('lead2-pass'));
    await h.store.bindings.insert({ id: 'bnd_lead2', personId: 'per_lead2', unitId: other.id, role: 'building_lead', createdAt: 0, createdBy: null });
    const lead2: Credentials = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'lead2', password: 'lead2-pass' })).token };
    const filed = await file();
    expectFailure(await h.call('reports', 'detail', { id: filed.id }, lead2), 'REPORT.NOT_FOUND');
    expect(await h.store.messages.listForPerson('per_lead2', 10)).toEqual([]);
    expect(data(await h.call<Inbox>('reports', 'inbox', { view: 'watching' }, lead2)).reports).toEqual([]);

    const compound = await h.unitNamed('幸福里小区');
    const common = await file({ unitId: compound.id });
    expect((await h.store.messages.listForPerson(await leadId(), 20)).filter((m) => m.kind === 'report.urgentWatch').map((m) => m.page)).toEqual([`pages/report/detail?id=${filed.id}`]);
    expect(data(await h.call<Inbox>('reports', 'inbox', { view: 'watching' }, await lead())).reports.map((r) => r.id)).not.toContain(common.id);
  });
});
