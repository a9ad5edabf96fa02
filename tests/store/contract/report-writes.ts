/** A report write brings its audit entries and messages along, in one transaction; and saves in bulk. */
import type { AuditEntry, Message, ReportFilter, Store } from '../../../cloudfunctions/lib/store/port';
import { person, report } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function reportWritesContract(ctx: ContractContext) {
  describe('report writes with what they bring, and in bulk', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    const auditOf = (id: string, reportId: string): AuditEntry => ({ id, at: 1, actorId: 'p1', action: 'reports.create', targetKind: 'unit', targetId: 'u1', detail: { reportId } });
    const messageTo = (id: string, personId: string): Message => ({ id, personId, kind: 'report.assigned', title: '新的民情反映', body: '正文', page: null, createdAt: 1, readAt: null });
    beforeEach(async () => {
      for (const id of ['p1', 'lead']) await store.people.insert(person(id, { id }), null);
    });

    it('writes the audit entry and messages with a new report, and none of them for a retried create', async () => {
      const t = await tree(store);
      const a = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
      const first = await store.reports.insert(a.report, a.entries, { audit: [auditOf('aud-1', a.report.id)], messages: [messageTo('msg-1', 'lead')] });
      expect(first.created).toBe(true);
      const retry = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
      const again = await store.reports.insert(retry.report, retry.entries, { audit: [auditOf('aud-2', retry.report.id)], messages: [messageTo('msg-2', 'lead')] });
      expect(again).toMatchObject({ created: false, report: { id: a.report.id } });
      expect((await store.audit.listForTarget('u1', 10)).map((e) => e.id)).toEqual(['aud-1']);
      expect((await store.messages.listForPerson('lead', 10)).map((m) => m.id)).toEqual(['msg-1']);
    });

    it('writes one report, one audit entry and one message when the same create arrives three times at once', async () => {
      const t = await tree(store);
      const tries = [1, 2, 3].map(() => report(t.a1, { clientRequestId: 'client-race', createdBy: 'p1' }));
      const results = await Promise.all(
        tries.map((x, i) => store.reports.insert(x.report, x.entries, { audit: [auditOf(`aud-${i}`, x.report.id)], messages: [messageTo(`msg-${i}`, 'lead')] })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await store.reports.count({ path: t.street.path })).toBe(1);
      expect(await store.audit.listForTarget('u1', 10)).toHaveLength(1);
      expect(await store.messages.listForPerson('lead', 10)).toHaveLength(1);
    });

    it('writes a save’s messages only if the save wins its version race', async () => {
      const t = await tree(store);
      const a = report(t.a1, { createdBy: 'p1' });
      await store.reports.insert(a.report, a.entries);
      const [r1, r2] = await Promise.all(
        ['1', '2'].map((k) =>
          store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...a.entries[0], id: `e${k}`, type: 'resolve' }], { messages: [messageTo(`msg-${k}`, 'p1')] }),
        ),
      );
      expect([r1, r2].filter(Boolean)).toHaveLength(1);
      const winner = r1 ? '1' : '2';
      expect((await store.messages.listForPerson('p1', 10)).map((m) => m.id)).toEqual([`msg-${winner}`]);
      expect((await store.reports.timeline(a.report.id)).map((e) => e.id)).toEqual([a.entries[0].id, `e${winner}`]);
    });

    it('saves many at once, each over its own version: a stale one writes nothing and the others land', async () => {
      const t = await tree(store);
      const [a, b, c] = [1, 2, 3].map(() => report(t.a1, { createdBy: 'p1' }));
      for (const x of [a, b, c]) await store.reports.insert(x.report, x.entries);
      const entry = (x: typeof a, id: string) => [{ ...x.entries[0], id, type: 'respond' as const }];
      const out = await store.reports.saveAll([
        { report: { ...a.report, status: 'responded' }, expectedVersion: 1, entries: entry(a, 'ea'), also: { messages: [messageTo('m-a', 'p1')] } },
        { report: { ...b.report, status: 'responded' }, expectedVersion: 7, entries: entry(b, 'eb'), also: { messages: [messageTo('m-b', 'p1')] } },
        { report: { ...c.report, status: 'responded' }, expectedVersion: 1, entries: entry(c, 'ec') },
      ]);
      expect(out.map((r) => r?.version ?? null)).toEqual([2, null, 2]);
      expect(await store.reports.get(b.report.id)).toMatchObject({ status: 'submitted', version: 1 });
      expect((await store.reports.timeline(b.report.id)).map((e) => e.id)).toEqual([b.entries[0].id]);
      expect((await store.messages.listForPerson('p1', 10)).map((m) => m.id)).toEqual(['m-a']);
      expect(await store.reports.saveAll([])).toEqual([]);
    });

    it('saves over the copy the caller read (before) exactly as over the stored row, and not over a stale one', async () => {
      const t = await tree(store);
      const [a, b] = [1, 2].map(() => report(t.a1, { createdBy: 'p1', dueAt: 1000 }));
      for (const x of [a, b]) await store.reports.insert(x.report, x.entries);
      // b is changed behind the caller's back: its before is stale.
      const b2 = (await store.reports.save({ ...b.report, status: 'responded' }, 1, []))!;
      const moved = (x: typeof a) => ({ ...x.report, level: 'compound' as const, handlerId: 'sec', dueAt: 5000, breached: true, escalations: 1 });
      const out = await store.reports.saveAll([
        { report: moved(a), before: a.report, expectedVersion: 1, entries: [] },
        { report: moved(b), before: b.report, expectedVersion: 1, entries: [] },
      ]);
      expect(out.map((r) => r?.version ?? null)).toEqual([2, null]);
      expect(await store.reports.get(b.report.id)).toEqual(b2);
      // Every indexed field the save changed is found by its new value, none by its old one.
      const found = async (f: Omit<ReportFilter, 'path'>) => (await store.reports.list({ path: t.street.path, ...f }, 10)).map((r) => r.id);
      expect(await found({ levels: ['compound'], handlerId: 'sec', dueBefore: 5001 })).toEqual([a.report.id]);
      expect(await found({ levels: ['building'] })).toEqual([b.report.id]);
      expect(await found({ dueBefore: 2000 })).toEqual([b.report.id]);
    });
  });
}
