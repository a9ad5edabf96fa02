/**
 * The CloudBase adapter where a city's data would make it read too much (#23, "scans at a million
 * documents"), on the in-process database: what each read asks the database for, and what it says
 * when it stops at a bound. The same answers as SQLite are the contract's business (tests/store/contract).
 */
import tcb from '@cloudbase/node-sdk';
import { STATUSES, isOpen, type Report, type TimelineEntry } from '../../src/core';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { cloudbaseKit } from '../../cloudfunctions/lib/store/cloudbase/kit';
import { cloudbasePeople } from '../../cloudfunctions/lib/store/cloudbase/people';
import { cloudbaseUnits } from '../../cloudfunctions/lib/store/cloudbase/units';
import type { ReportQuery } from '../../cloudfunctions/lib/store/port';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { binding, person, report, unit } from '../support/factories';
import { queryOf, servingIndex } from './cloudbase-plans';
import { tree } from './contract/tree';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
const prefix = `scale${Date.now().toString(36)}_`;
const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
const answerer = new TcbAnswerer();
let uninstall = () => {};
let created = false;

beforeAll(() => {
  uninstall = installAnswerer(answerer);
});
afterAll(() => uninstall());

async function open() {
  if (!created) {
    await ensureCollections(app, { prefix });
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
    created = true;
  }
  const db = app.database();
  for (const c of COLLECTIONS) await db.collection(prefix + c.name).where({ _id: db.command.exists(true) }).remove();
  return openCloudbaseStore(app, { prefix });
}

/** The query requests `fn` sends, and how many documents their answers held. */
async function watch<T>(fn: () => Promise<T>) {
  const from = answerer.log.length;
  const send = answerer.send.bind(answerer);
  let returned = 0;
  answerer.send = async (action, params) => {
    const res = await send(action, params);
    if (action === 'database.getDocument') returned += (res?.data?.list ?? []).length;
    return res;
  };
  try {
    const result = await fn();
    const queries = answerer.log.slice(from).filter((r) => r.action === 'database.getDocument').map((r) => queryOf(r.params, prefix));
    return { result, queries, returned };
  } finally {
    answerer.send = send;
  }
}

const indexesOf = (collection: string) => COLLECTIONS.find((c) => c.name === collection)!.indexes;

describe('the agenda’s entries of a date range', () => {
  it('reads the subtree’s entries by the path they carry, and older entries without one through their reports', async () => {
    const store = await open();
    const t = await tree(store);
    const other = unit(t.street, 'community', '别的社区');
    const inA = report(t.a1, { at: NOW - 5 * HOUR });
    const inB = report(t.b1, { at: NOW - 5 * HOUR });
    const elsewhere = Array.from({ length: 40 }, () => report(unit(other, 'building', '楼'), { at: NOW - 5 * HOUR }));
    const escalate = (m: { report: Report; entries: TimelineEntry[] }, i: number) => ({ ...m.entries[0], id: `${m.report.id}-esc`, type: 'escalate' as const, at: NOW - HOUR - i });
    for (const [i, m] of [inA, inB, ...elsewhere].entries()) {
      await store.reports.insert(m.report, m.entries);
      await store.reports.save(m.report, m.report.version, [escalate(m, i)]);
    }
    // An entry written before entries carried their report's path.
    const db = app.database();
    await db.collection(`${prefix}report_events`).doc(`${inB.report.id}-esc`).update({ unitPath: db.command.remove() });

    const { result, returned } = await watch(() => store.reportQueries.eventsBetween(t.community.path, ['escalate'], NOW - 2 * HOUR, NOW));
    expect(result.map((e) => e.id)).toEqual([`${inB.report.id}-esc`, `${inA.report.id}-esc`]);
    // The 40 entries elsewhere in the environment are not read: the subtree's own, the one without a path, and its report.
    expect(returned).toBe(3);
    expect((await store.reportQueries.eventsBetween(t.a.path, ['escalate'], 0, NOW)).map((e) => e.id)).toEqual([`${inA.report.id}-esc`]);
    expect((await store.reportQueries.eventsBetween(t.b.path, ['escalate'], 0, NOW)).map((e) => e.id)).toEqual([`${inB.report.id}-esc`]);
  });
});

describe('people search', () => {
  async function city(bound: number) {
    const store = await open();
    const t = await tree(store);
    const far = unit(t.street, 'community', '远处社区');
    const farBuilding = unit(far, 'building', '远楼');
    for (const u of [far, farBuilding]) await store.units.insert(u);
    const mine = person('王小明', { phone: '13900000001' });
    await store.people.insert(mine, null);
    await store.bindings.insert(binding(mine, t.a1, 'resident'));
    const many = Array.from({ length: 120 }, (_, i) => person(`王${String(i).padStart(3, '0')}`, { phone: `1370000${String(i).padStart(4, '0')}` }));
    for (const p of many) {
      await store.people.insert(p, null);
      await store.bindings.insert(binding(p, farBuilding, 'resident'));
    }
    const kit = cloudbaseKit(app.database(), prefix);
    return { store, t, far, mine, many, kit, people: cloudbasePeople(kit, cloudbaseUnits(kit), bound) };
  }

  it('finds text anywhere in a name, phone or username through the search keys, never a free expression on every person', async () => {
    const { t, mine, people } = await city(50);
    for (const q of ['王小明', '小明', '明', '0000001', '13900']) {
      const { result, queries } = await watch(() => people.search(q, [t.community.path], 10));
      expect({ q, found: result.map((p) => p.id) }).toEqual({ q, found: [mine.id] });
      const read = queries.filter((x) => x.collection === 'people');
      // The keys' branch is anchored (an index range); the free expression is tried only where keys are absent.
      expect(JSON.stringify(read[0].filter)).toContain('"searchKeys":{"pattern":"^');
      expect(JSON.stringify(read[0].filter)).toContain('"searchKeys":{"$exists":false}');
    }
  });

  it('stops at its bound and asks for more of the name, rather than answer a list that leaves people out', async () => {
    const { t, far, mine, people } = await city(50);
    // 121 people contain 王; one of them is in this community, and 50 are read at most.
    await expect(people.search('王', [t.community.path], 10)).rejects.toMatchObject({ code: 'INPUT.INVALID', field: 'q', message: expect.stringContaining('请多输入几个字') });
    await expect(people.search('', [t.community.path], 10)).rejects.toMatchObject({ code: 'INPUT.INVALID', field: 'q', message: expect.stringContaining('请输入姓名或手机号') });
    // A page found within the bound is whole: it is the first 10 by name whatever lies past the bound.
    expect((await people.search('王', [far.path], 10)).map((p) => p.name)).toEqual(['王000', '王001', '王002', '王003', '王004', '王005', '王006', '王007', '王008', '王009']);
    expect((await people.search('王小', [t.community.path], 10)).map((p) => p.id)).toEqual([mine.id]);
    // Exactly the bound matched, nothing past it: the answer is whole.
    expect(await cloudbasePeople(cloudbaseKit(app.database(), prefix), cloudbaseUnits(cloudbaseKit(app.database(), prefix)), 121).search('王', [t.community.path], 10)).toEqual([
      expect.objectContaining({ id: mine.id }),
    ]);
  });

  it('finds people written before the keys by the old expression, until indexPeopleForSearch gives them keys', async () => {
    const { store, t, mine, people } = await city(500);
    const db = app.database();
    await db.collection(`${prefix}people`).doc(mine.id).update({ searchKeys: db.command.remove() });
    expect((await people.search('小明', [t.community.path], 10)).map((p) => p.id)).toEqual([mine.id]);
    expect(await store.indexPeopleForSearch()).toBe(1);
    expect(await store.indexPeopleForSearch()).toBe(0);
    const { data } = await db.collection(`${prefix}people`).doc(mine.id).get();
    expect(data[0].searchKeys).toEqual(expect.arrayContaining(['王小明', '小明', '明', '13900000001', '1']));
    expect((await people.search('小明', [t.community.path], 10)).map((p) => p.id)).toEqual([mine.id]);
  });

  it('keeps a claimed username searchable', async () => {
    const { store, t } = await city(500);
    const p = person('李四', { username: 'LiSi88' });
    await store.people.insert(p, 'hash');
    await store.bindings.insert(binding(p, t.a1, 'resident'));
    expect((await store.people.search('lisi', [t.community.path], 10)).map((x) => x.id)).toEqual([p.id]);
    expect((await store.people.search('SI8', [t.community.path], 10)).map((x) => x.id)).toEqual([p.id]);
  });
});

describe('the management lists’ orders', () => {
  it('each has a declared index that serves it, so the database never sorts a whole subtree in memory', async () => {
    const store = await open();
    const t = await tree(store);
    const OPEN = STATUSES.filter(isOpen);
    const desk: [string, Partial<ReportQuery>][] = [
      ['all reports', {}],
      ['open reports', { statuses: OPEN }],
      ['a level', { levels: ['building'] }],
      ['filed in a period', { createdFrom: NOW - 30 * 24 * HOUR, createdTo: NOW }],
      ['overdue', { overdue: true }],
      // the dashboard's response-rate denominator: its $or is a filter only, the period and the subtree find it
      ['response settled in a month', { counted: true, createdFrom: NOW - 30 * 24 * HOUR, createdTo: NOW, responseSettledBy: NOW }],
    ];
    const lists: [string, () => Promise<unknown>][] = [];
    for (const [what, f] of desk)
      for (const sort of ['dueAt', 'createdAt', '-createdAt'] as const)
        lists.push([`desk: ${what} by ${sort}`, () => store.reportQueries.list({ path: t.community.path, now: NOW, ...f }, sort, 50, 100)]);
    lists.push(['audit log of a subtree', () => store.audit.search({ path: t.community.path }, 51)]);
    lists.push(['audit log of a subtree, a period', () => store.audit.search({ path: t.community.path, from: NOW - HOUR, to: NOW }, 51)]);
    lists.push(['audit log of a subtree, paging back', () => store.audit.search({ path: t.community.path, before: NOW }, 51)]);
    lists.push(['people, no text', () => store.people.search('', [t.community.path], 20).catch(() => [])]);
    lists.push(['registrations waiting', () => store.registrations.listPending([t.community.path], 50)]);
    lists.push(['check-ins waiting', () => store.checkins.listPending([t.community.path], 50)]);
    lists.push(['the roster', () => store.checkins.roster({ paths: [t.community.path], statuses: ['approved'] }, 50, 0)]);
    for (const [what, run] of lists) {
      const { queries } = await watch(run);
      const ordered = queries.filter((q) => Object.keys(q.order).length > 0);
      expect({ what, sent: ordered.length > 0 }).toEqual({ what, sent: true });
      for (const q of ordered) expect({ what, order: q.order, index: servingIndex(indexesOf(q.collection), q.filter, q.order)?.name ?? null }).toEqual({ what, order: q.order, index: expect.any(String) });
    }
  });
});

describe('the members’ tally', () => {
  it('counts every group when there are more than one answer holds', async () => {
    const store = await open();
    const t = await tree(store);
    const db = app.database();
    const docs = Array.from({ length: 1_100 }, (_, i) => ({
      _id: `chk_tally${i}`,
      status: i % 2 ? 'approved' : 'pending',
      unitId: `cmp_${i}`,
      unitPath: `${t.community.path}cmp_${i}/`,
      codeId: 'code_1',
      memberType: 'retired',
      veteran: false,
    }));
    for (let i = 0; i < docs.length; i += 100) await db.collection(`${prefix}checkins`).add(docs.slice(i, i + 100));
    const tally = await store.checkins.tally([t.community.path]);
    expect(tally).toHaveLength(1_100);
    expect(tally.reduce((n, r) => n + r.count, 0)).toBe(1_100);
  });
});
