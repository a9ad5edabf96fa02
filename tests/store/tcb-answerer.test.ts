/**
 * The in-process CloudBase answerer, driven through the unmodified node-sdk: it must behave like
 * the service where the Store adapter depends on it, or the cloudbase contract run proves nothing.
 */
import tcb from '@cloudbase/node-sdk';
import { installAnswerer, MAX_LIMIT, TcbAnswerer } from '../support/tcb';

const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
let answerer: TcbAnswerer;
let uninstall: () => void;
let db: ReturnType<typeof app.database>;
let n = 0;
let name: string;

beforeEach(async () => {
  answerer = new TcbAnswerer();
  uninstall = installAnswerer(answerer);
  db = app.database();
  name = `c${++n}`;
  await db.createCollection(name);
});
afterEach(() => uninstall());

const col = () => db.collection(name);
const get = async (id: string) => (await col().doc(id).get()).data[0] ?? null;

describe('conditional updates', () => {
  it('reports updated 0 for a where().update() on a stale version and writes nothing', async () => {
    const _ = db.command;
    await col().add({ _id: 'u1', name: '1号楼', version: 1 });
    const first = await col().where({ _id: 'u1', version: 1 }).update({ name: '一号楼', version: _.inc(1) });
    expect(first.updated).toBe(1);
    const stale = await col().where({ _id: 'u1', version: 1 }).update({ name: '壹号楼', version: _.inc(1) });
    expect(stale.updated).toBe(0);
    expect(await get('u1')).toEqual({ _id: 'u1', name: '一号楼', version: 2 });
  });

  it('lets exactly one of many racing conditional updates win', async () => {
    const _ = db.command;
    await col().add({ _id: 'u1', version: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, (_x, i) => col().where({ _id: 'u1', version: 1 }).update({ by: i, version: _.inc(1) })));
    expect(results.map((r) => r.updated).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(await get('u1')).toMatchObject({ version: 2 });
  });

  it('counts a matched document that the update leaves as it was as not updated', async () => {
    await col().add({ _id: 'a', v: 1 });
    expect((await col().where({ _id: 'a' }).update({ v: 1 })).updated).toBe(0);
  });
});

describe('limits', () => {
  beforeEach(async () => {
    for (let i = 0; i < 1200; i += 200) await col().add(Array.from({ length: 200 }, (_x, j) => ({ _id: `d${String(i + j).padStart(4, '0')}`, i: i + j })));
  });

  it('returns 100 rows without a limit and at most 1000 whatever the limit', async () => {
    expect((await col().get()).data).toHaveLength(100);
    expect((await col().limit(5000).get()).data).toHaveLength(MAX_LIMIT);
    // the SDK caps too; the service caps even a raw request
    const raw = await answerer.send('database.getDocument', { collectionName: name, queryType: 'WHERE', limit: 5000 });
    expect(raw.data.list).toHaveLength(MAX_LIMIT);
  });

  it('pages with orderBy, skip and limit', async () => {
    const page = await col().orderBy('i', 'desc').skip(1000).limit(1000).get();
    expect(page.data).toHaveLength(200);
    expect(page.data[0]).toMatchObject({ i: 199 });
    expect((await col().where({ i: db.command.gte(1100) }).count()).total).toBe(100);
  });
});

describe('queries and updates are MongoDB semantics', () => {
  it('filters with ranges, regular expressions, in and or, and projects fields', async () => {
    const _ = db.command;
    await col().add([
      { _id: '1', path: '/s/c/', name: '阳光社区', tags: ['a'] },
      { _id: '2', path: '/s/c/p/', name: '幸福里', secret: 'x' },
      { _id: '3', path: '/s/d/', name: 'Sunshine' },
    ]);
    const range = await col().where({ path: _.gte('/s/c/').and(_.lt('/s/c/\uffff')) }).orderBy('path', 'asc').get();
    expect(range.data.map((d: { _id: string }) => d._id)).toEqual(['1', '2']);
    const re = await col().where({ name: db.RegExp({ regexp: 'sun', options: 'i' }) }).get();
    expect(re.data.map((d: { _id: string }) => d._id)).toEqual(['3']);
    const or = await col().where(_.or([{ name: '幸福里' }, { _id: _.in(['3']) }])).field({ secret: false }).get();
    expect(or.data).toEqual([{ _id: '2', path: '/s/c/p/', name: '幸福里' }, { _id: '3', path: '/s/d/', name: 'Sunshine' }]);
    expect((await col().where({ missing: null }).count()).total).toBe(3);
  });

  it('applies the update operators the SDK emits', async () => {
    const _ = db.command;
    await col().add({ _id: 'a', n: 1, list: [1], gone: true, nested: { keep: 1 } });
    await col().doc('a').update({ n: _.inc(2), list: _.push(2, 3), gone: _.remove(), nested: { added: 2 } });
    expect(await get('a')).toEqual({ _id: 'a', n: 3, list: [1, 2, 3], nested: { keep: 1, added: 2 } });
    await col().doc('a').set({ only: 'this' });
    expect(await get('a')).toEqual({ _id: 'a', only: 'this' });
    const up = await col().doc('b').set({ fresh: true });
    expect(up.upsertedId).toBe('b');
    expect(await get('b')).toEqual({ _id: 'b', fresh: true });
  });

  it('refuses a second document with the same _id', async () => {
    await col().add({ _id: 'k', v: 1 });
    await expect(col().add({ _id: 'k', v: 2 })).rejects.toMatchObject({ message: expect.stringContaining('E11000') });
    expect(await get('k')).toEqual({ _id: 'k', v: 1 });
  });

  it('removes what a where() matches', async () => {
    await col().add([{ _id: 'a', at: 1 }, { _id: 'b', at: 5 }, { _id: 'c', at: 9 }]);
    expect((await col().where({ at: db.command.lt(6) }).remove()).deleted).toBe(2);
    expect((await col().doc('a').remove()).deleted).toBe(0);
  });

  it('aggregates', async () => {
    await col().add([{ _id: 'a', k: 'x', v: 1 }, { _id: 'b', k: 'x', v: 2 }, { _id: 'c', k: 'y', v: 5 }]);
    const res = await col().aggregate().group({ _id: '$k', total: db.command.aggregate.sum('$v') }).sort({ _id: 1 }).end();
    expect(res.data).toEqual([{ _id: 'x', total: 3 }, { _id: 'y', total: 5 }]);
  });
});

describe('collections and indexes', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created, and refuses to create one twice', async () => {
    await expect(db.collection('nope').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(db.createCollection(name)).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
  });

  it('enforces a unique sparse index, ignoring documents without the field', async () => {
    answerer.createIndex(name, { name: 'username_unique', keys: { username: 1 }, unique: true, sparse: true });
    await col().add({ _id: 'a' });
    await col().add({ _id: 'b' });
    await col().add({ _id: 'c', username: 'u' });
    await expect(col().add({ _id: 'd', username: 'u' })).rejects.toMatchObject({ message: expect.stringContaining('username_unique') });
    await expect(col().doc('a').update({ username: 'u' })).rejects.toMatchObject({ message: expect.stringContaining('E11000') });
    expect(answerer.dump(name).map((d) => d._id)).toEqual(['a', 'b', 'c']);
  });

  it('counts missing fields as null in a unique index that is not sparse', async () => {
    answerer.createIndex(name, { name: 'openid_unique', keys: { openid: 1 }, unique: true });
    await col().add({ _id: 'a' });
    await expect(col().add({ _id: 'b' })).rejects.toMatchObject({ message: expect.stringContaining('openid_unique') });
  });

  it('frees a unique value its holder gives up, and refuses it while held, inside transactions too', async () => {
    answerer.createIndex(name, { name: 'k_unique', keys: { k: 1, g: 1 }, unique: true });
    await col().add([{ _id: 'a', k: 'x', g: 1 }, { _id: 'b', k: 'x', g: 2 }]);
    await expect(col().doc('b').update({ g: 1 })).rejects.toMatchObject({ message: expect.stringContaining('k_unique') });
    await col().doc('a').update({ g: 3 });
    await col().doc('b').update({ g: 1 });
    await col().doc('a').remove();
    await col().add({ _id: 'c', k: 'x', g: 3 });
    const t = await db.startTransaction();
    await expect(t.collection(name).add({ _id: 'd', k: 'x', g: 1 })).rejects.toMatchObject({ message: expect.stringContaining('k_unique') });
    expect(answerer.dump(name).map((d) => [d._id, d.g])).toEqual([
      ['b', 1],
      ['c', 3],
    ]);
  });
});

describe('finding by _id', () => {
  it('finds a document by its exact _id, and many by a regular expression or an operator on _id', async () => {
    await col().add([{ _id: 'rep_1', v: 1 }, { _id: 'rep_2', v: 2 }, { _id: 'other', v: 1 }]);
    const _ = db.command;
    const ids = async (q: object) => (await col().where(q).get()).data.map((d: { _id: string }) => d._id).sort();
    expect(await ids({ _id: 'rep_1', v: 1 })).toEqual(['rep_1']);
    expect(await ids({ _id: 'rep_1', v: 2 })).toEqual([]);
    expect(await ids({ _id: db.RegExp({ regexp: '^rep_' }) })).toEqual(['rep_1', 'rep_2']);
    expect(await ids({ _id: _.in(['rep_2', 'other']) })).toEqual(['other', 'rep_2']);
    expect(await col().where({ _id: 'rep_2' }).update({ v: 3 })).toMatchObject({ updated: 1 });
  });
});

describe('transactions', () => {
  it('aborts the second of two transactions that write the same document', async () => {
    await col().add({ _id: 'a', v: 0 });
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection(name).doc('a').update({ v: 1 });
    await expect(t2.collection(name).doc('a').update({ v: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await get('a')).toMatchObject({ v: 0 });
    await t1.commit();
    expect(await get('a')).toMatchObject({ v: 1 });
    expect(answerer.openTransactions()).toBe(0);
  });

  it('reads a snapshot, and conflicts when writing what changed after it', async () => {
    await col().add({ _id: 'a', v: 0 });
    const t = await db.startTransaction();
    expect((await t.collection(name).doc('a').get()).data).toMatchObject({ v: 0 });
    await col().doc('a').update({ v: 5 });
    expect((await t.collection(name).doc('a').get()).data).toMatchObject({ v: 0 });
    await expect(t.collection(name).doc('a').update({ v: 1 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await get('a')).toMatchObject({ v: 5 });
  });

  it('fails the commit of a transaction whose document was changed outside it after it wrote', async () => {
    await col().add({ _id: 'a', v: 0 });
    const t = await db.startTransaction();
    await t.collection(name).doc('a').update({ v: 1 });
    await col().doc('a').update({ v: 7 });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await get('a')).toMatchObject({ v: 7 });
  });

  it('lets runTransaction re-run the loser, so racing read-modify-writes both count', async () => {
    await col().add({ _id: 'n', v: 0 });
    const bump = () =>
      db.runTransaction(async (t: { collection(n: string): ReturnType<typeof col> }) => {
        const cur = (await t.collection(name).doc('n').get()).data as unknown as { v: number };
        await t.collection(name).doc('n').update({ v: cur.v + 1 });
      });
    await Promise.all([bump(), bump()]);
    expect(await get('n')).toMatchObject({ v: 2 });
  });

  it('writes nothing when the callback throws', async () => {
    await expect(
      db.runTransaction(async (t: { collection(n: string): ReturnType<typeof col> }) => {
        await t.collection(name).add({ _id: 'x' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await get('x')).toBeNull();
    expect(answerer.openTransactions()).toBe(0);
  });

  it('accepts only single-document operations', async () => {
    await col().add({ _id: 'a', v: 0 });
    const t = await db.startTransaction();
    await expect(t.collection(name).where({ v: 0 }).get()).rejects.toMatchObject({ message: expect.stringContaining('single-document') });
  });

  it('keeps its inserts invisible until commit', async () => {
    const t = await db.startTransaction();
    await t.collection(name).add({ _id: 'new' });
    expect(await get('new')).toBeNull();
    await t.commit();
    expect(await get('new')).toEqual({ _id: 'new' });
  });
});
