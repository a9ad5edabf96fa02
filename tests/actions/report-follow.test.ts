/**
 * 跟进这条 (+1): what filing offers as "邻居已经反映过", following with the words the resident typed,
 * and the count of neighbours who followed.
 */
import type { Outputs, ReportDetail, ReportSummary, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
const NOTE = '我家也听得到，每天半夜一点多还在砸墙，我住302';

describe('following (+1) a neighbour’s report', () => {
  let h: Harness;
  let building: Unit;
  let req = 0;

  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
  });
  afterEach(() => h.close());

  /** A resident of 1号楼 with a web login. */
  async function neighbourNamed(username: string, name: string): Promise<{ cred: Credentials; id: string }> {
    const id = `per_${username}`;
    await h.store.people.insert({ id, name, phone: '13955556666', username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('neighbour-pass'));
    await h.store.bindings.insert({ id: `bnd_${username}`, personId: id, unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
    return { id, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'neighbour-pass' })).token } };
  }

  const file = async (cred: Credentials, extra: Record<string, unknown> = {}) =>
    data(await h.call<Created>('reports', 'create', { clientRequestId: `follow-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', ...extra }, cred)).report;
  const similar = async (cred: Credentials) => data(await h.call<ReportSummary[]>('reports', 'similar', { unitId: building.id, category: 'noise' }, cred));
  const read = async (id: string, cred: Credentials) => data(await h.call<ReportDetail>('reports', 'detail', { id }, cred));

  describe('what is offered as already reported', () => {
    it('never offers the resident their own report as a neighbour’s', async () => {
      const jumin = await h.as('jumin');
      await file(jumin);
      expect(await similar(jumin)).toEqual([]);
    });

    it('offers a neighbour’s open report, and no longer once the caller follows it', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      expect((await similar(qian.cred)).map((r) => r.id)).toEqual([mine.id]);
      data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id }, qian.cred));
      // Following it again would change nothing: it is not offered to be followed again.
      expect(await similar(qian.cred)).toEqual([]);
    });
  });

  describe('following', () => {
    it('counts the neighbour who follows, on the report and in the lists', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      const followed = data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id }, qian.cred));
      expect(followed.followers).toBe(1);
      expect(followed.can).not.toContain('follow');
      const li = await neighbourNamed('li', '李邻居');
      expect((await similar(li.cred))[0].followers).toBe(1);
      expect((await read(mine.id, await h.as('jumin'))).followers).toBe(1);
      const inbox = data(await h.call<Outputs['reports']['inbox']>('reports', 'inbox', {}, await h.as('louzhang')));
      expect(inbox.reports.find((r) => r.id === mine.id)?.followers).toBe(1);
    });

    it('refuses the resident’s own report with what to do instead, and writes nothing', async () => {
      const jumin = await h.as('jumin');
      const mine = await file(jumin);
      const r = await h.call<ReportDetail>('reports', 'follow', { id: mine.id, note: NOTE }, jumin);
      expectFailure(r, 'REPORT.NOT_ALLOWED');
      if (!r.ok) expect(r.message).toContain('您自己的反映');
      const stored = (await h.store.reports.get(mine.id))!;
      expect(stored.version).toBe(mine.version);
      expect(stored.followers).toEqual([]);
    });

    it('keeps what the neighbour typed as their comment on the report, and tells the handler', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      const followed = data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id, note: `  ${NOTE}  ` }, qian.cred));
      expect(followed.timeline.slice(0, 2).map((e) => e.type).sort()).toEqual(['comment', 'plusOne']);
      expect(followed.timeline.find((e) => e.type === 'comment')).toMatchObject({ actorName: '钱邻居', note: NOTE });
      // The handler reads who wrote it and what.
      const lead = await read(mine.id, await h.as('louzhang'));
      expect(lead.timeline.find((e) => e.type === 'comment')).toMatchObject({ actorName: '钱邻居', note: NOTE });
      const zhao = (await h.store.people.findByUsername('louzhang'))!;
      const told = (await h.store.messages.listForPerson(zhao.id, 10)).find((m) => m.kind === 'report.followed');
      expect(told).toMatchObject({ title: '又有邻居反映了同样的问题', page: `handler/report/index?id=${mine.id}` });
      expect(told!.body).toContain('噪音扰民');
      expect(told!.body).toContain('每天半夜一点多');
    });

    it('keeps a neighbour’s words theirs: the filer and other neighbours read that they followed, not what they wrote', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      const li = await neighbourNamed('li', '李邻居');
      data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id, note: NOTE }, qian.cred));
      data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id }, li.cred));
      for (const cred of [await h.as('jumin'), li.cred]) {
        const seen = await read(mine.id, cred);
        expect(seen.timeline.find((e) => e.type === 'comment')).toMatchObject({ actorName: '居民', note: null });
        expect(JSON.stringify(seen)).not.toContain('302');
        expect(seen.followers).toBe(2);
      }
      expect((await read(mine.id, qian.cred)).timeline.find((e) => e.type === 'comment')?.note).toBe(NOTE);
      expect((await read(mine.id, await h.as('shequ'))).timeline.find((e) => e.type === 'comment')?.note).toBe(NOTE);
    });

    it('writes a retried follow once: one +1, one comment', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id, note: NOTE }, qian.cred));
      const again = data(await h.call<ReportDetail>('reports', 'follow', { id: mine.id, note: NOTE }, qian.cred));
      expect(again.followers).toBe(1);
      expect(again.timeline.filter((e) => e.type === 'comment' || e.type === 'plusOne')).toHaveLength(2);
    });

    it('refuses a note that is too long, and writes nothing', async () => {
      const mine = await file(await h.as('jumin'));
      const qian = await neighbourNamed('qian', '钱邻居');
      expectFailure(await h.call('reports', 'follow', { id: mine.id, note: '吵'.repeat(501) }, qian.cred), 'INPUT.INVALID', 'note');
      expect((await h.store.reports.get(mine.id))!.followers).toEqual([]);
    });
  });
});
