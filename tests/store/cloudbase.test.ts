/**
 * The Store contract on the CloudBase adapter, through the unmodified @cloudbase/node-sdk.
 *
 * With TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY set it runs against that real environment, in
 * collections with a prefix unique to this run (emptied before each test; delete them in the
 * console afterwards). Otherwise the SDK's request layer is answered in-process by TcbAnswerer
 * (mingo + EJSON), with the declared unique indexes enforced.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { cloudbaseKit } from '../../cloudfunctions/lib/store/cloudbase/kit';
import { cloudbaseReportQueries } from '../../cloudfunctions/lib/store/cloudbase/report-queries';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { person, report, unit } from '../support/factories';
import { storeContract } from './contract';
import { T, lectureWorld, sign, standing, teller } from './contract/lecture-fixture';

const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
const real = !!(TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY);
const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;

const app = real
  ? tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
  : tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });

let answerer: TcbAnswerer | null = null;
let uninstall = () => {};
let created = false;

beforeAll(() => {
  if (real) {
    process.stdout.write(`Store contract (cloudbase): real environment ${TCB_ENV}, collections ${prefix}*\n`);
  } else {
    process.stdout.write('Store contract (cloudbase): no TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY, so the suite runs on the in-process answerer\n');
    answerer = new TcbAnswerer();
    uninstall = installAnswerer(answerer);
  }
});
afterAll(() => uninstall());

/** A store on empty collections: created once per run, emptied before each test. */
async function open() {
  if (!created) {
    await ensureCollections(app, { prefix });
    if (answerer) for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
    created = true;
  }
  const db = app.database();
  for (const c of COLLECTIONS) await db.collection(prefix + c.name).where({ _id: db.command.exists(true) }).remove();
  return openCloudbaseStore(app, { prefix });
}

storeContract('cloudbase', { open });

describe('cloudbase adapter beyond the contract', () => {
  it('lists a subtree of more than 1000 units, paging past the service cap', async () => {
    const store = await open();
    const root = unit(null, 'street', '大街道');
    const community = unit(root, 'community', '大社区');
    const compound = unit(community, 'compound', '大小区');
    for (const u of [root, community, compound]) await store.units.insert(u);
    const db = app.database();
    const buildings = Array.from({ length: 1100 }, (_, i) => unit(compound, 'building', `${i + 1}号楼`));
    // Bulk-load the fixture directly (sibling-name guards are irrelevant to this read).
    for (let i = 0; i < buildings.length; i += 100) {
      await db.collection(`${prefix}units`).add(
        buildings.slice(i, i + 100).map((b) => ({ _id: b.id, parentId: b.parentId, kind: b.kind, name: b.name, path: b.path, archived: false, version: 1, createdAt: 1, updatedAt: 1 })),
      );
    }
    const sub = await store.units.listSubtree(community.path);
    expect(sub).toHaveLength(1102);
    expect(sub.map((u) => u.path)).toEqual([...sub.map((u) => u.path)].sort());
    expect(await store.units.countLiveChildren(compound.id)).toBe(1100);
  }, 60_000);

  it('repairs paths left stale by a move that stopped halfway', async () => {
    const store = await open();
    const s = unit(null, 'street', '街');
    const c1 = unit(s, 'community', '甲社区');
    const c2 = unit(s, 'community', '乙社区');
    const p = unit(c1, 'compound', '小区');
    const b = unit(p, 'building', '楼');
    for (const u of [s, c1, c2, p, b]) await store.units.insert(u);
    // The gate of a move happened (parentId and path of the compound), its building did not.
    const db = app.database();
    await db.collection(`${prefix}units`).doc(p.id).update({ parentId: c2.id, path: `${c2.path}${p.id}/` });
    expect((await store.units.get(b.id))!.path).toBe(b.path);
    expect(await store.repairPaths(p.id)).toBe(1);
    expect((await store.units.get(b.id))!.path).toBe(`${c2.path}${p.id}/${b.id}/`);
    expect(await store.repairPaths(p.id)).toBe(0);
  });

  it('keeps username unique when two people with the same one are inserted at once', async () => {
    const store = await open();
    const results = await Promise.allSettled([1, 2, 3].map((i) => store.people.insert(person(`人${i}`, { username: 'same' }), null)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'INPUT.INVALID', field: 'username' });
    expect(await store.people.count()).toBe(1);
  });

  it('keeps live sibling names unique when the same name is inserted at once', async () => {
    const store = await open();
    const s = unit(null, 'street', '街');
    await store.units.insert(s);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => store.units.insert(unit(s, 'community', '同名社区'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'UNIT.NAME_TAKEN' });
    expect(await store.units.countLiveChildren(s.id)).toBe(1);
  });

  it('refuses a move onto a live sibling name under the new parent', async () => {
    const store = await open();
    const s = unit(null, 'street', '街');
    const c1 = unit(s, 'community', '甲社区');
    const c2 = unit(s, 'community', '乙社区');
    const p1 = unit(c1, 'compound', '同名小区');
    const p2 = unit(c2, 'compound', '同名小区');
    for (const u of [s, c1, c2, p1, p2]) await store.units.insert(u);
    await expect(store.units.move(p1.id, 1, c2, 2_000)).rejects.toMatchObject({ code: 'UNIT.NAME_TAKEN', field: 'parentId' });
    expect(await store.units.get(p1.id)).toMatchObject({ parentId: c1.id, version: 1 });
    // the old name is still held under the old parent, and free once the unit left
    await expect(store.units.insert(unit(c1, 'compound', '同名小区'))).rejects.toMatchObject({ code: 'UNIT.NAME_TAKEN' });
    await store.units.update(p2.id, 1, { name: '另一小区' }, 2_000);
    expect(await store.units.move(p1.id, 1, c2, 3_000)).toMatchObject({ parentId: c2.id, version: 2 });
    await store.units.insert(unit(c1, 'compound', '同名小区'));
  });

  it('bounds a text search to the newest reports of the filter, in the longest period that holds no more than the bound', async () => {
    const store = await open();
    const s = unit(null, 'street', '街');
    const c = unit(s, 'community', '社区');
    const b = unit(c, 'building', '楼');
    for (const u of [s, c, b]) await store.units.insert(u);
    const HOUR = 3600_000;
    const DAY = 24 * HOUR;
    const NOW = Date.parse('2026-11-20T12:00:00+08:00');
    // two today, two this week, two over a year ago; every one about the lift
    for (const age of [HOUR, 2 * HOUR, 3 * DAY, 4 * DAY, 400 * DAY, 500 * DAY]) {
      const { report: r, entries } = report(b, { at: NOW - age, description: `电梯坏了（${age}）` });
      await store.reports.insert(r, entries);
    }
    const queries = cloudbaseReportQueries(cloudbaseKit(app.database(), prefix), 3);
    const scope = (extra: object) => queries.searchScope({ path: c.path, now: NOW, q: '电梯', ...extra });
    // six to search, three at most: the last day's
    const today = await scope({});
    expect(today.capped).toEqual({ createdFrom: NOW - DAY, bound: 3 });
    expect(await queries.count(today.query)).toBe(2);
    // ending two days ago: the year before holds the week's two
    const before = await scope({ createdTo: NOW - 2 * DAY });
    expect(before.capped).toEqual({ createdFrom: NOW - 367 * DAY, bound: 3 });
    expect((await queries.list(before.query, 'dueAt', 10, 0)).map((r) => r.createdAt)).toEqual([NOW - 4 * DAY, NOW - 3 * DAY]);
    // few enough, or no text: the query itself
    const recent = { path: c.path, now: NOW, q: '电梯', createdFrom: NOW - 2 * DAY };
    expect(await queries.searchScope(recent)).toEqual({ query: recent, capped: null });
    const noText = { path: c.path, now: NOW };
    expect(await queries.searchScope(noText)).toEqual({ query: noText, capped: null });
  });

  it('keeps a lecture’s seats when sign-ups and cancellations race from several function instances at once', async () => {
    // Each store is one function instance: within one, seat changes take turns; between them, the
    // transactions on the lecture's document decide.
    const first = await open();
    const instances = [first, ...Array.from({ length: 7 }, () => openCloudbaseStore(app, { prefix }))];
    const world = await lectureWorld(first, 0);
    const people = Array.from({ length: 120 }, (_, i) => person(`实例报名${i + 1}`));
    for (const p of people) await first.people.insert(p, null);
    const l = await world.make({ capacity: 10 });
    const at = (i: number) => instances[i % instances.length];
    const answers = await Promise.all(people.map((p, i) => sign(at(i), l, p.id)));
    expect(answers.every((a) => a.ok)).toBe(true);
    let now = await standing(first, l.id);
    expect(now.lecture).toMatchObject({ confirmedSeats: 10, waiting: 110, nextSeq: 121 });
    expect(now.all.map((s) => s.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(Math.max(...now.confirmed.map((s) => s.seq))).toBeLessThan(Math.min(...now.waiting.map((s) => s.seq)));

    // Five seat holders leave from different instances while ten newcomers arrive: the five at the
    // head of the list take the seats, in order; the newcomers join the back.
    const heads = now.waiting.slice(0, 5).map((s) => s.personId);
    const leaving = now.confirmed.slice(0, 5);
    const newcomers = Array.from({ length: 10 }, (_, i) => person(`后来的${i + 1}`));
    for (const p of newcomers) await first.people.insert(p, null);
    const { tell } = teller();
    await Promise.all([
      ...leaving.map((s, i) => at(i + 3).lectures.cancelSignup(s.id, T + 10, tell)),
      ...newcomers.map((p, i) => sign(at(i), l, p.id, 0, T + 10)),
    ]);
    // A cancellation that found its head moved leaves the hand-over to a second step (the action's, or the timer's).
    for (let i = 0; i < 5; i++) await at(i).lectures.promote(l.id, T + 11, tell);
    now = await standing(first, l.id);
    expect(now.lecture).toMatchObject({ confirmedSeats: 10, waiting: 115 });
    expect(now.confirmed.filter((s) => s.promotedAt !== null).map((s) => s.personId).sort()).toEqual([...heads].sort());
    expect(now.waiting.slice(-10).map((s) => s.personId).sort()).toEqual(newcomers.map((p) => p.id).sort());
  }, 120_000);

  it('leaves no transaction open behind it', () => {
    if (answerer) expect(answerer.openTransactions()).toBe(0);
  });
});
