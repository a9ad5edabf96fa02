/**
 * The CloudBase adapter's saveAll, which the timer's sweep saves its reports with: there is no
 * transaction over many documents, so each save is its own, and run one after another a few hundred
 * of them (a few requests each) outlast the timer's budget. They run SAVES_AT_ONCE at once; two saves
 * of one report keep their order. Counted in open transactions at each request, never in time.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { SAVES_AT_ONCE } from '../../cloudfunctions/lib/store/cloudbase/reports';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { report } from '../support/factories';
import { tree } from './contract/tree';

describe('saving many reports on CloudBase', () => {
  const answerer = new TcbAnswerer();
  let uninstall = () => {};
  /** Transactions open when each request arrived. */
  const open: number[] = [];
  beforeAll(() => {
    uninstall = installAnswerer(answerer);
    const send = answerer.send.bind(answerer);
    answerer.send = (action, params) => {
      open.push(answerer.openTransactions());
      return send(action, params);
    };
  });
  afterAll(() => uninstall());

  async function store(prefix: string) {
    const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
    await ensureCollections(app, { prefix });
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
    return openCloudbaseStore(app, { prefix });
  }

  it(`runs the saves ${SAVES_AT_ONCE} at once, each on its own version, answering in the order given`, async () => {
    const s = await store('many_');
    const t = await tree(s);
    const made = Array.from({ length: 30 }, () => report(t.a1, { createdBy: 'p1' }));
    for (const x of made) await s.reports.insert(x.report, x.entries);
    const stale = made[7];
    await s.reports.save({ ...stale.report, status: 'responded' }, 1, []);

    open.length = 0;
    const out = await s.reports.saveAll(made.map((x) => ({ report: { ...x.report, status: 'resolved' as const }, expectedVersion: 1, entries: [] })));
    expect(out.map((r) => r?.id ?? null)).toEqual(made.map((x, i) => (i === 7 ? null : x.report.id)));
    expect(Math.max(...open)).toBe(SAVES_AT_ONCE);
    expect((await s.reports.get(made[8].report.id))!.status).toBe('resolved');
    expect((await s.reports.get(stale.report.id))!).toMatchObject({ status: 'responded', version: 2 });
  });

  it('saves one report twice in the order given, the second over the version the first made', async () => {
    const s = await store('twice_');
    const t = await tree(s);
    const [a, b] = [report(t.a1, { createdBy: 'p1' }), report(t.a2, { createdBy: 'p1' })];
    for (const x of [a, b]) await s.reports.insert(x.report, x.entries);
    const out = await s.reports.saveAll([
      { report: { ...a.report, status: 'responded' }, expectedVersion: 1, entries: [] },
      { report: { ...b.report, status: 'responded' }, expectedVersion: 1, entries: [] },
      { report: { ...a.report, status: 'resolved', version: 2 }, expectedVersion: 2, entries: [] },
    ]);
    expect(out.map((r) => r?.version ?? null)).toEqual([2, 2, 3]);
    expect(await s.reports.get(a.report.id)).toMatchObject({ status: 'resolved', version: 3 });
  });
});
