import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '/work/main/cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from '/work/main/tests/support/tcb';
import { report, unit } from '/work/main/tests/support/factories';
(async () => {
  const answerer = new TcbAnswerer({ latencyMs: [0, 4] });
  installAnswerer(answerer);
  const app = tcb.init({ env: 'x', secretId: 'a', secretKey: 'b' });
  await ensureCollections(app);
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
  const s = openCloudbaseStore(app);
  const st = unit(null, 'street', 'S'); await s.units.insert(st);
  let bad = 0;
  for (let k = 0; k < 30; k++) {
    const tries = [1, 2, 3, 4, 5].map(() => report(st, { clientRequestId: `c${k}`, createdBy: 'p' }));
    const rs = await Promise.all(tries.map((x) => s.reports.insert(x.report, x.entries)));
    if (rs.filter((r) => r.created).length !== 1 || new Set(rs.map((r) => r.report.id)).size !== 1) bad++;
    const id = rs[0].report.id;
    const e = (await s.reports.timeline(id))[0];
    const sv = await Promise.all([1, 2, 3].map((i) => s.reports.save({ ...rs[0].report, status: 'resolved' }, 1, [{ ...e, id: `${id}-e${i}`, type: 'resolve' }])));
    if (sv.filter(Boolean).length !== 1 || (await s.reports.timeline(id)).length !== 2) bad++;
    const cl = await Promise.all([1, 2, 3].map((i) => s.reports.claim(id, 2, `run${i}`, 500, 100)));
    if (cl.filter(Boolean).length !== 1) bad++;
  }
  console.log('bad', bad, 'reports', await s.reports.count({ path: st.path }), 'open tx', answerer.openTransactions());
})();
