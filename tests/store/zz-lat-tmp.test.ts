import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { lectureWorld, sign } from './contract/lecture-fixture';
import { person } from '../support/factories';

it.each([1, 8])('latency 10ms, %i instances', async (k) => {
  const answerer = new TcbAnswerer({ latencyMs: [5, 5] });
  const un = installAnswerer(answerer);
  const app = tcb.init({ env: 'e', secretId: 'x', secretKey: 'y' });
  await ensureCollections(app);
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
  const store = openCloudbaseStore(app);
  const stores = [store, ...Array.from({ length: k - 1 }, () => openCloudbaseStore(app))];
  const world = await lectureWorld(store, 0);
  const people = Array.from({ length: 200 }, (_, i) => person(`p${i}`));
  await Promise.all(people.map((p) => store.people.insert(p, null)));
  const l = await world.make({ capacity: 10 });
  const t0 = Date.now();
  const n0 = answerer.log.length;
  await Promise.all(people.map((p, i) => sign(stores[i % k], l, p.id)));
  const s = (Date.now() - t0) / 1000;
  console.log(`${k} instances: 200 sign-ups in ${s.toFixed(1)} s = ${(200 / s).toFixed(1)}/s, ${((answerer.log.length - n0) / 200).toFixed(1)} requests each`);
  un();
}, 600_000);
