/**
 * What a notice about a report says: which report (its category and place), the handler's words
 * (trimmed), and where it opens — the report's page for residents and followers, the handler's page
 * for handlers; and what a subscribe message gets from it, within WeChat's field limits.
 */
import type { Outputs, ReportDetail, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { reportSubject } from '../../cloudfunctions/lib/actions/reports/notices';
import { subscribeRequest, type Notice } from '../../cloudfunctions/lib/ports/notifier';
import { data, harness, type Harness } from '../support/harness';
import { sweep } from '../../cloudfunctions/lib/jobs/sweep';

type Created = Outputs['reports']['create'];
const PLACE = '幸福里小区 1号楼';

describe('notices about a report', () => {
  let h: Harness;
  let building: Unit;
  let neighbour: Credentials;
  let delivered: Notice[];
  let req = 0;

  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
    await h.store.people.insert({ id: 'per_qian', name: '钱邻居', phone: '13955556666', username: 'qian', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('neighbour-pass'));
    await h.store.bindings.insert({ id: 'bnd_qian', personId: 'per_qian', unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
    neighbour = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'qian', password: 'neighbour-pass' })).token };
    delivered = [];
    const deliver = h.deps.notifier.deliver.bind(h.deps.notifier);
    h.deps.notifier.deliver = async (n) => {
      delivered.push(n);
      await deliver(n);
    };
  });
  afterEach(() => h.close());

  const file = async () =>
    data(await h.call<Created>('reports', 'create', { clientRequestId: `notice-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着' }, await h.as('jumin'))).report;
  const messagesOf = async (username: string) => h.store.messages.listForPerson(username === 'qian' ? 'per_qian' : (await h.store.people.findByUsername(username))!.id, 20);

  it('tells the handler which report is new, where, and what it says, on the handler’s page', async () => {
    const filed = await file();
    const [m] = await messagesOf('louzhang');
    expect(m).toMatchObject({ kind: 'report.assigned', title: '新的民情反映：噪音扰民', page: `handler/report/index?id=${filed.id}` });
    expect(m.body).toContain(PLACE);
    expect(m.body).toContain('楼上每天半夜装修');
  });

  it('names the report in the timer’s warning and breach notices too', async () => {
    const filed = await file();
    h.clock.set(filed.dueAt + 60_000);
    await sweep(h.deps, 'test-sweep');
    const breached = (await messagesOf('louzhang')).find((m) => m.kind === 'report.breached');
    expect(breached?.body).toContain(`噪音扰民（${PLACE}）`);
    expect(breached?.body).toContain('楼上每天半夜装修');
  });

  it('names the report and quotes the handler’s note to the resident and to followers, on the report’s page', async () => {
    const filed = await file();
    data(await h.call<ReportDetail>('reports', 'follow', { id: filed.id }, neighbour));
    const lead = await h.as('louzhang');
    const stored = (await h.store.reports.get(filed.id))!;
    data(await h.call<ReportDetail>('reports', 'respond', { id: filed.id, version: stored.version, note: '我下午三点上楼去看看' }, lead));
    for (const who of ['jumin', 'qian']) {
      const m = (await messagesOf(who)).find((x) => x.kind === 'report.responded')!;
      expect(m.page).toBe(`pages/report/detail?id=${filed.id}`);
      expect(m.body).toContain('噪音扰民');
      expect(m.body).toContain(PLACE);
      expect(m.body).toContain('我下午三点上楼去看看');
    }
  });

  it('trims a long note to a readable length, marking the cut', async () => {
    const filed = await file();
    const long = `已经和楼上住户当面沟通，${'对方答应晚上十点以后不再施工，'.repeat(12)}请您再留意。`;
    data(await h.call<ReportDetail>('reports', 'resolve', { id: filed.id, version: filed.version, note: long }, await h.as('louzhang')));
    const m = (await messagesOf('jumin')).find((x) => x.kind === 'report.resolved')!;
    expect(m.body).toContain('已经和楼上住户当面沟通');
    expect(m.body).toContain('…');
    expect(m.body).not.toContain('请您再留意');
    expect([...m.body].length).toBeLessThanOrEqual(100);
  });

  it('gives a subscribe message the report’s category, place and the note, each within WeChat’s limits', async () => {
    const filed = await file();
    data(await h.call<ReportDetail>('reports', 'resolve', { id: filed.id, version: filed.version, note: '已和楼上沟通，晚上十点以后不再施工，请您确认' }, await h.as('louzhang')));
    const n = delivered.find((x) => x.kind === 'report.resolved')!;
    expect(n.fields).toMatchObject({ category: '噪音扰民', place: PLACE, report: `噪音扰民 ${PLACE}` });
    expect(String(n.fields!.note)).toContain('已和楼上沟通');
    const req = subscribeRequest('o-sun', { templateId: 'TPL', data: { thing1: 'report', thing2: 'note', phrase3: 'status', time4: 'time' } }, n, '2026-11-23 09:00');
    expect(req.page).toBe(`pages/report/detail?id=${filed.id}`);
    expect(req.data.thing1.value).toBe(`噪音扰民 ${PLACE}`);
    for (const k of ['thing1', 'thing2']) expect([...req.data[k].value].length).toBeLessThanOrEqual(20);
    expect([...req.data.phrase3.value].length).toBeLessThanOrEqual(5);
    expect(req.data.phrase3.value).toBe('已办结');
  });

  it('fits the report’s name into a 20-character field by keeping the building over the compound', () => {
    expect(reportSubject({ categoryName: '噪音扰民', place: PLACE })).toBe('噪音扰民 幸福里小区 1号楼');
    expect(reportSubject({ categoryName: '楼道堆物占用消防通道', place: '阳光花园二期北区 12号楼' })).toBe('楼道堆物占用消防通道 12号楼');
    expect([...reportSubject({ categoryName: '一个特别特别特别长的自定义反映类别名称', place: '阳光花园 12号楼' })].length).toBeLessThanOrEqual(20);
  });
});
