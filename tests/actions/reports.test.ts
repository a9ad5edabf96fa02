import type { Outputs, ReportDetail, ReportSummary, Unit } from '../../src/core';
import { sweep } from '../../cloudfunctions/lib/jobs/sweep';
import { data, expectFailure, harness, T0, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
const HOUR = 3600_000;
/** A valid 2×2 JPEG: photos are decoded whole before they are kept. */
const JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAGpH/9k=',
  'base64',
);

describe('reports', () => {
  let h: Harness;
  let building: Unit;
  let req = 0;
  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
  });
  afterEach(() => h.close());

  const file = async (who = 'jumin', extra: Record<string, unknown> = {}) =>
    h.call<Created>('reports', 'create', { clientRequestId: `client-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', ...extra }, await h.as(who));

  describe('filing', () => {
    it('routes noise to the building lead with a named deadline, and tells the lead', async () => {
      const { report, created } = data(await file());
      expect(created).toBe(true);
      expect(report).toMatchObject({ status: 'submitted', level: 'building', handler: { name: '赵桂兰', roleLabel: '楼栋长' }, place: '幸福里小区 1号楼' });
      // Monday 23 Nov 09:00 + 1 working day (8 working hours)
      expect(report.dueAt).toBe(Date.parse('2026-11-23T17:00:00+08:00'));
      expect(report.nextStep).toContain('赵桂兰');
      expect(report.timeline.map((e) => e.type)).toEqual(['create']);
      const lead = (await h.store.people.findByUsername('louzhang'))!;
      expect((await h.store.messages.listForPerson(lead.id, 5))[0]).toMatchObject({ kind: 'report.assigned', title: '新的民情反映：噪音扰民' });
    });

    it('sends a lift straight to the property company at the compound, urgently', async () => {
      const { report } = data(await file('jumin', { category: 'lift', description: '3单元电梯停了，老人下不了楼' }));
      expect(report).toMatchObject({ level: 'compound', urgent: true, handler: { name: '陈强', roleLabel: '物业' } });
      expect(report.dueAt - report.createdAt).toBe(24 * HOUR);
    });

    it('makes one report from a retried request', async () => {
      const cred = await h.as('jumin');
      const body = { clientRequestId: 'same-request-id-1', unitId: building.id, category: 'noise', description: '楼上每天半夜装修' };
      const [a, b] = await Promise.all([h.call<Created>('reports', 'create', body, cred), h.call<Created>('reports', 'create', body, cred)]);
      expect(data(a).report.id).toBe(data(b).report.id);
      expect([data(a).created, data(b).created].sort()).toEqual([false, true]);
      expect(await h.store.reports.count({ path: '/' })).toBe(1);
    });

    it('skips a level with no handler and records the skip', async () => {
      const lead = (await h.store.people.findByUsername('louzhang'))!;
      for (const b of await h.store.bindings.listForPerson(lead.id)) await h.store.bindings.remove(b.id);
      const { report } = data(await file());
      expect(report).toMatchObject({ level: 'compound', handler: { name: '刘芳' } });
      expect(report.timeline.map((e) => e.type)).toContain('skip');
    });

    it('refuses bad input and writes nothing', async () => {
      const before = await h.store.reports.count({ path: '/' });
      expectFailure(await file('jumin', { description: '' }), 'INPUT.INVALID', 'description');
      expectFailure(await file('jumin', { description: '坏'.repeat(5000) }), 'INPUT.INVALID', 'description');
      expectFailure(await file('jumin', { category: 'ufo' }), 'REPORT.CATEGORY_UNKNOWN', 'category');
      const other = await h.unitNamed('1号楼', '阳光花园');
      expectFailure(await file('jumin', { unitId: other.id }), 'REPORT.NOT_RESIDENT', 'unitId');
      expectFailure(await file('jumin', { photos: ['pho_doesnotexist00'] }), 'PHOTO.NOT_FOUND', 'photos');
      expectFailure(await file('jumin', { photos: Array.from({ length: 10 }, (_, i) => `pho_x${i}`) }), 'INPUT.INVALID', 'photos');
      expectFailure(await file('jumin', { channel: 'group_chat', contactName: '王大爷' }), 'AUTH.FORBIDDEN');
      expect(await h.store.reports.count({ path: '/' })).toBe(before);
    });

    it('checks photo type and size, and only the uploader may attach a photo', async () => {
      const sun = (await h.store.people.findByUsername('jumin'))!;
      await expect(h.deps.photos.put(Buffer.from('GIF89a....'), sun.id)).rejects.toMatchObject({ code: 'PHOTO.BAD_TYPE' });
      await expect(h.deps.photos.put(Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), sun.id)).rejects.toMatchObject({ code: 'PHOTO.TOO_LARGE' });
      const photo = await h.deps.photos.put(JPEG, sun.id);
      expectFailure(await file('louzhang', { channel: 'group_chat', contactName: '王大爷', photos: [photo.id] }), 'PHOTO.NOT_FOUND', 'photos');
      const { report } = data(await file('jumin', { photos: [photo.id] }));
      expect(report.photos).toEqual([`/files/${photo.id}`]);
    });

    it('lets a building lead record a message from the group chat for a resident', async () => {
      const { report } = data(await file('louzhang', { channel: 'group_chat', contactName: '王大爷', contactPhone: '13912345678' }));
      expect(report).toMatchObject({ channel: 'group_chat', channelLabel: '楼栋群代报', resident: { name: '王大爷', phone: '13912345678' } });
    });

    it('shows a neighbour the same open report so they can follow it instead', async () => {
      const { report } = data(await file());
      const neighbour = (await h.store.bindings.listForUnit(building.id)).find((b) => b.role === 'resident' && b.personId !== report.id)!;
      const np = (await h.store.people.get(neighbour.personId))!;
      // Give the neighbour a web login for the test.
      const { hashPassword } = await import('../../cloudfunctions/lib/auth/passwords');
      await h.store.people.insert({ ...np, id: 'per_neighbour', username: 'linju', demo: false }, await hashPassword('neighbour-pass'));
      await h.store.bindings.insert({ id: 'bnd_nb', personId: 'per_neighbour', unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
      const signIn = data(await h.call<{ token: string }>('auth', 'signIn', { username: 'linju', password: 'neighbour-pass' }));
      const cred = { token: signIn.token };
      const similar = data(await h.call<ReportSummary[]>('reports', 'similar', { unitId: building.id, category: 'noise' }, cred));
      expect(similar.map((r) => r.id)).toEqual([report.id]);
      const followed = data(await h.call<ReportDetail>('reports', 'follow', { id: report.id }, cred));
      expect(followed.followers).toBe(1);
      h.clock.advance(49 * HOUR);
      const again = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'linju', password: 'neighbour-pass' })).token };
      expect(data(await h.call<ReportSummary[]>('reports', 'similar', { unitId: building.id, category: 'noise' }, again))).toEqual([]);
    });
  });

  describe('handling', () => {
    it('goes respond → resolve → rate, telling the resident at each step', async () => {
      const { report } = data(await file());
      const lead = await h.as('louzhang');
      const responded = data(await h.call<ReportDetail>('reports', 'respond', { id: report.id, version: report.version, note: '我下午去看看' }, lead));
      expect(responded.status).toBe('responded');
      const resolved = data(await h.call<ReportDetail>('reports', 'resolve', { id: report.id, version: responded.version, note: '已和楼上沟通，晚上不再施工' }, lead));
      expect(resolved).toMatchObject({ status: 'resolved' });
      const resident = await h.as('jumin');
      const mine = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, resident));
      expect(mine.can).toEqual(expect.arrayContaining(['rate', 'dispute']));
      const rated = data(await h.call<ReportDetail>('reports', 'rate', { id: report.id, version: mine.version, rating: 'satisfied' }, resident));
      expect(rated).toMatchObject({ status: 'closed', rating: 'satisfied' });
      expectFailure(await h.call('reports', 'rate', { id: report.id, version: rated.version, rating: 'unsatisfied' }, resident), 'REPORT.ALREADY_RATED');
      const sun = (await h.store.people.findByUsername('jumin'))!;
      expect((await h.store.messages.listForPerson(sun.id, 10)).map((m) => m.kind)).toEqual(['report.resolved', 'report.responded']);
    });

    it('lets one of two handlers resolving at once win; the other gets a conflict', async () => {
      const { report } = data(await file());
      const [a, b] = await Promise.all([
        h.call('reports', 'resolve', { id: report.id, version: report.version, note: '已处理' }, await h.as('louzhang')),
        h.call('reports', 'resolve', { id: report.id, version: report.version, note: '已处理好了' }, await h.as('shequ')),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      expectFailure(a.ok ? b : a, 'CONFLICT.VERSION');
      expect((await h.store.reports.timeline(report.id)).filter((e) => e.type === 'resolve')).toHaveLength(1);
      // The winner's audit entry and message were written with its save; the loser's were not.
      const stored = (await h.store.reports.get(report.id))!;
      const audits = (await h.store.audit.listForTarget(stored.unitId, 50)).filter((e) => e.action === 'reports.resolve' && e.detail.reportId === report.id);
      expect(audits).toHaveLength(1);
      const sun = (await h.store.people.findByUsername('jumin'))!;
      expect((await h.store.messages.listForPerson(sun.id, 10)).filter((m) => m.kind === 'report.resolved')).toHaveLength(1);
    });

    it('refuses a transition the table does not allow, and acting outside your subtree', async () => {
      const { report } = data(await file());
      const resolved = data(await h.call<ReportDetail>('reports', 'resolve', { id: report.id, version: report.version, note: '已处理' }, await h.as('louzhang')));
      expectFailure(await h.call('reports', 'respond', { id: report.id, version: resolved.version }, await h.as('louzhang')), 'REPORT.NOT_ALLOWED');
      expectFailure(await h.call('reports', 'rate', { id: report.id, version: resolved.version, rating: 'satisfied' }, await h.as('louzhang')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('reports', 'requestInfo', { id: report.id, version: resolved.version, question: '几点？' }, await h.as('shequ')), 'REPORT.NOT_ALLOWED');
      // A property manager of another compound cannot even see it.
      const other = await h.unitNamed('阳光花园');
      const pm = await h.store.people.findByUsername('wuye');
      await h.store.bindings.remove((await h.store.bindings.listForPerson(pm!.id))[0].id);
      await h.store.bindings.insert({ id: 'bnd_pm2', personId: pm!.id, unitId: other.id, role: 'property_manager', createdAt: 0, createdBy: null });
      expectFailure(await h.call('reports', 'detail', { id: report.id }, await h.as('wuye')), 'REPORT.NOT_FOUND');
      expectFailure(await h.call('reports', 'resolve', { id: report.id, version: resolved.version, note: 'x' }, await h.as('wuye')), 'REPORT.NOT_FOUND');
    });

    it('escalates by hand with a reason to the compound and restarts the clock', async () => {
      const { report } = data(await file());
      h.clock.advance(2 * HOUR);
      const up = data(await h.call<ReportDetail>('reports', 'escalate', { id: report.id, version: report.version, reason: '涉及物业，楼栋解决不了' }, await h.as('louzhang')));
      expect(up).toMatchObject({ status: 'submitted', level: 'compound', handler: { name: '刘芳' }, escalations: 1, breached: false });
      expect(up.dueAt).toBe(Date.parse('2026-11-26T11:00:00+08:00'));
    });

    it('asks the next level up for an extension, which it decides', async () => {
      const { report } = data(await file());
      const asked = data(await h.call<ReportDetail>('reports', 'requestExtension', { id: report.id, version: report.version, days: 2, reason: '要等施工队' }, await h.as('louzhang')));
      expect(asked.extension).toMatchObject({ days: 2, deciderLevel: 'compound' });
      expectFailure(await h.call('reports', 'decideExtension', { id: report.id, version: asked.version, approve: true }, await h.as('louzhang')), 'AUTH.FORBIDDEN');
      const decided = data(await h.call<ReportDetail>('reports', 'decideExtension', { id: report.id, version: asked.version, approve: true }, await h.as('zhibu')));
      // Monday 17:00 + 2 working days
      expect(decided.dueAt).toBe(Date.parse('2026-11-25T17:00:00+08:00'));
      expect(decided.extension).toBeNull();
    });

    it('reopens a disputed report at the same level, and files a follow-up for staff on "unsatisfied"', async () => {
      const { report } = data(await file());
      const lead = await h.as('louzhang');
      const resident = await h.as('jumin');
      const r1 = data(await h.call<ReportDetail>('reports', 'resolve', { id: report.id, version: report.version, note: '好了' }, lead));
      const d = data(await h.call<ReportDetail>('reports', 'dispute', { id: report.id, version: r1.version, reason: '昨晚还在装修' }, resident));
      expect(d).toMatchObject({ status: 'submitted', level: 'building', disputes: 1 });
      const r2 = data(await h.call<ReportDetail>('reports', 'resolve', { id: report.id, version: d.version, note: '这次真的好了' }, lead));
      const rated = data(await h.call<ReportDetail>('reports', 'rate', { id: report.id, version: r2.version, rating: 'unsatisfied', note: '态度不好' }, resident));
      expect(rated.status).toBe('closed');
      const staff = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, await h.as('shequ')));
      expect(staff.followUp).toMatchObject({ status: 'open' });
      expect(staff.can).toContain('closeFollowUp');
      const done = data(await h.call<ReportDetail>('reports', 'closeFollowUp', { id: report.id, version: staff.version, note: '已上门回访' }, await h.as('shequ')));
      expect(done.followUp).toMatchObject({ status: 'done' });
    });

    it('never shows an anonymous resident’s name to a neighbour following the report', async () => {
      const { report } = data(await file('jumin', { anonymous: true }));
      const lead = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, await h.as('louzhang')));
      expect(lead.resident).toMatchObject({ name: '孙福贵' });
    });
  });

  describe('the timer', () => {
    it('warns at 75 %, then moves an overdue building report to the compound and restarts its clock', async () => {
      const { report } = data(await file());
      h.clock.set(Date.parse('2026-11-23T15:01:00+08:00'));
      expect(await sweep(h.deps, 'run-1')).toMatchObject({ warned: 1, escalated: 0 });
      h.clock.set(Date.parse('2026-11-24T09:05:00+08:00'));
      expect(await sweep(h.deps, 'run-2')).toMatchObject({ escalated: 1 });
      const r = (await h.store.reports.get(report.id))!;
      expect(r).toMatchObject({ level: 'compound', breached: true, escalations: 1, breaches: [expect.objectContaining({ level: 'building', unitId: building.id })] });
      expect(r.dueAt).toBe(Date.parse('2026-11-27T09:05:00+08:00'));
      expect(await sweep(h.deps, 'run-3')).toMatchObject({ warned: 0, escalated: 0 });
    });

    it('escalates each overdue report exactly once when two sweeps run at once', async () => {
      for (let i = 0; i < 12; i++) data(await file());
      h.clock.set(Date.parse('2026-11-25T09:00:00+08:00'));
      const [a, b] = await Promise.all([sweep(h.deps, 'run-a', 5), sweep(h.deps, 'run-b', 5)]);
      expect(a.escalated + b.escalated).toBe(12);
      const all = await h.store.reports.list({ path: '/' }, 100);
      expect(all.every((r) => r.escalations === 1 && r.level === 'compound')).toBe(true);
      for (const r of all) expect((await h.store.reports.timeline(r.id)).filter((e) => e.type === 'escalate')).toHaveLength(1);
    });

    it('catches up after being down for days: one level up with a fresh clock, and on to the street, flagged', async () => {
      const { report } = data(await file());
      h.clock.set(Date.parse('2027-02-01T10:00:00+08:00'));
      for (let i = 0; i < 3; i++) await sweep(h.deps, `run-${i}`);
      // The compound never had it: its clock starts now, however long the timer was down.
      const r = (await h.store.reports.get(report.id))!;
      expect(r).toMatchObject({ level: 'compound', escalations: 1 });
      for (let i = 0; i < 4; i++) {
        h.clock.advance(20 * 24 * HOUR);
        await sweep(h.deps, `later-${i}`);
      }
      const top = (await h.store.reports.get(report.id))!;
      expect(top).toMatchObject({ level: 'street', flagged: true });
      expect(top.breaches.map((b) => b.level)).toEqual(['building', 'compound', 'community', 'street']);
    });

    it('closes a resolved report after 7 days without a rating', async () => {
      const { report } = data(await file());
      data(await h.call('reports', 'resolve', { id: report.id, version: report.version, note: '好了' }, await h.as('louzhang')));
      h.clock.advance(7 * 24 * HOUR + 60_000);
      expect(await sweep(h.deps, 'run')).toMatchObject({ closed: 1 });
      expect((await h.store.reports.get(report.id))!.status).toBe('closed');
    });
  });

  describe('figures', () => {
    it('counts this month’s reports of the community, and only staff may ask', async () => {
      const a = data(await file()).report;
      const b = data(await file()).report;
      const lead = await h.as('louzhang');
      const r = data(await h.call<ReportDetail>('reports', 'respond', { id: a.id, version: a.version }, lead));
      const s = data(await h.call<ReportDetail>('reports', 'resolve', { id: a.id, version: r.version, note: '好了' }, lead));
      data(await h.call('reports', 'rate', { id: a.id, version: s.version, rating: 'basically_satisfied' }, await h.as('jumin')));
      const community = await h.unitNamed('阳光社区');
      const f = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-11' }, await h.as('shuji')));
      // b, filed a moment ago and inside its response deadline, is neither responded on time nor missed yet
      expect(f).toMatchObject({ reports: 2, responded: 1, responseDue: 1, resolved: 1, resolvedOnTime: 1, onTimeRate: 1, rated: 1, satisfactionRate: 1, responseRate: 1 });
      h.clock.set(b.respondBy);
      const later = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-11' }, await h.as('shuji')));
      expect(later).toMatchObject({ responseDue: 2, respondedOnTime: 1, responseRate: 0.5 });
      expectFailure(await h.call('reports', 'figures', { unitId: community.id, month: '2026-13' }, await h.as('shuji')), 'INPUT.INVALID', 'month');
      expectFailure(await h.call('reports', 'figures', { unitId: community.id, month: '2026-11' }, await h.as('jumin')), 'AUTH.FORBIDDEN');
    });
  });

  it('lists my reports and a handler’s inbox with counts', async () => {
    data(await file());
    h.clock.advance(HOUR);
    data(await file());
    const mine = data(await h.call<ReportSummary[]>('reports', 'mine', {}, await h.as('jumin')));
    expect(mine).toHaveLength(2);
    expect(mine[0].createdAt).toBeGreaterThan(mine[1].createdAt);
    const inbox = data(await h.call<Outputs['reports']['inbox']>('reports', 'inbox', { view: 'assigned' }, await h.as('louzhang')));
    // The second is due exactly 24 h from now: not "within" a day.
    expect(inbox.counts).toEqual({ assigned: 2, dueSoon: 1, overdue: 0, watching: 0 });
    h.clock.set(T0 + 11 * HOUR + 30 * 60_000);
    const late = data(await h.call<Outputs['reports']['inbox']>('reports', 'inbox', { view: 'overdue' }, await h.as('louzhang')));
    // 20:30 on Monday: the first (due 17:00) is overdue, the second (due Tuesday 10:00) is not yet.
    expect(late.reports).toHaveLength(1);
    expect(late.reports[0].overdue).toBe(true);
  });
});

describe('report permissions: role × action × own / foreign unit', () => {
  let h: Harness;
  let own: ReportDetail;
  let foreign: ReportDetail;
  beforeAll(async () => {
    h = await harness();
    const mine = await h.unitNamed('1号楼', '幸福里小区');
    const theirs = await h.unitNamed('1号楼', '阳光花园');
    const { hashPassword } = await import('../../cloudfunctions/lib/auth/passwords');
    await h.store.people.insert({ id: 'per_far', name: '远方居民', phone: null, username: 'yuanfang', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('far-away-pass'));
    await h.store.bindings.insert({ id: 'bnd_far', personId: 'per_far', unitId: theirs.id, role: 'resident', createdAt: 0, createdBy: null });
    const far = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'yuanfang', password: 'far-away-pass' })).token };
    const body = (unitId: string, n: string) => ({ clientRequestId: `perm-${n}-000000`, unitId, category: 'noise', description: '楼道里堆满了杂物' });
    own = data(await h.call<Created>('reports', 'create', body(mine.id, 'own'), await h.as('jumin'))).report;
    foreign = data(await h.call<Created>('reports', 'create', body(theirs.id, 'far'), far)).report;
  });
  afterAll(() => h.close());

  // [username, may see own, may respond own, may see foreign, may respond foreign]
  const matrix: [string, boolean, boolean, boolean, boolean][] = [
    ['jumin', true, false, false, false],
    ['dangyuan', false, false, false, false],
    ['louzhang', true, true, false, false],
    ['zhibu', true, false, false, false],
    ['wuye', true, false, false, false],
    ['shequ', true, true, true, true],
    ['shuji', true, true, true, true],
    ['jiedao', true, true, true, true],
  ];
  it.each(matrix)('%s: see own %s, respond own %s, see foreign %s, respond foreign %s', async (who, seeOwn, actOwn, seeForeign, actForeign) => {
    const cred = await h.as(who);
    for (const [r, see, act] of [[own, seeOwn, actOwn], [foreign, seeForeign, actForeign]] as const) {
      const seen = await h.call<ReportDetail>('reports', 'detail', { id: r.id }, cred);
      if (see) expect(seen.ok).toBe(true);
      else expectFailure(seen, 'REPORT.NOT_FOUND');
      // Respond with a stale-proof version read fresh, and undo by not saving: check `can` rather than mutate.
      if (seen.ok) expect(seen.data.can.includes('respond')).toBe(act);
      const tried = await h.call('reports', 'comment', { id: r.id, version: (await h.store.reports.get(r.id))!.version, note: '看过了' }, cred);
      if (act) expect(tried.ok).toBe(true);
      else expectFailure(tried, see ? 'AUTH.FORBIDDEN' : 'REPORT.NOT_FOUND');
    }
  });
});
