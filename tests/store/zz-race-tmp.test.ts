import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from '../../tests/support/tcb';
import { lectureWorld, sign } from '../../tests/store/contract/lecture-fixture';
import { person } from '../../tests/support/factories';

it('races', async () => {
  const answerer = new TcbAnswerer();
  const un = installAnswerer(answerer);
  const app = tcb.init({ env: 'e', secretId: 'x', secretKey: 'y' });
  await ensureCollections(app);
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
  const store = openCloudbaseStore(app);
  const world = await lectureWorld(store, 0);
  const N = Number(process.env.N ?? 200);
  const people = Array.from({ length: N }, (_, i) => person(`p${i}`));
  for (const p of people) await store.people.insert(p, null);
  const l = await world.make({ capacity: 10 });
  const t0 = Date.now();
  let done = 0;
  const times: number[] = [];
  const res = await Promise.allSettled(people.map((p) => sign(store, l, p.id).then((r) => { done++; times.push(Date.now() - t0); return r; })));
  console.log('ok', res.filter((r) => r.status === 'fulfilled').length, 'ms', Date.now() - t0, 'requests', answerer.log.length, times.filter((_, i) => i % 20 === 0));
  un();
}, 200_000);
