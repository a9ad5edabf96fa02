import tcb from '@cloudbase/node-sdk';
import { TcbAnswerer, installAnswerer } from '../tests/support/tcb';
(async () => {
  const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
  const a = new TcbAnswerer(); installAnswerer(a);
  const db = app.database(); const _ = db.command;
  await db.createCollection('c');
  console.log(await db.collection('c').add({ _id: 'a', version: 1, n: 'x', t: 1_700_000_000_000 }));
  console.log(await db.collection('c').where({ _id: 'a', version: 1 }).update({ n: 'y', version: _.inc(1) }));
  console.log(await db.collection('c').where({ _id: 'a', version: 1 }).update({ n: 'z', version: _.inc(1) }));
  console.log(await db.collection('c').doc('a').get());
  console.log(await db.collection('c').where({ n: db.RegExp({ regexp: '^Y', options: 'i' }), t: _.gte(1).and(_.lt(2e12)) }).get());
  try { await db.collection('c').add({ _id: 'a' }); } catch (e: any) { console.log('dup', e.code, e.message); }
  const r = await db.runTransaction(async (t: any) => { const d = await t.collection('c').doc('a').get(); await t.collection('c').doc('a').update({ k: d.data.version + 1 }); return d.data; });
  console.log('tx', r, await db.collection('c').doc('a').get());
  console.log(JSON.stringify(a.log.slice(0, 3)));
})().catch((e) => { console.error('ERR', e); process.exit(1); });
