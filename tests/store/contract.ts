/**
 * The Store contract: one suite, run against every adapter (sqlite.test.ts, cloudbase.test.ts),
 * including the cases that must hold when requests race.
 */
import { DomainError, fixedClock, type Unit } from '../../src/core';
import type { AuditEntry, Message, ReportFilter, Store } from '../../cloudfunctions/lib/store/port';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { sweep } from '../../cloudfunctions/lib/actions/reports';
import { binding, person, report, unit } from '../support/factories';
import { tree } from './tree';
import { deskStoreContract } from './contract-desk';

export interface AdapterHarness {
  /** A fresh, empty store for one test. */
  open(): Promise<Store>;
}


async function rejectsWith(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toBeInstanceOf(DomainError);
  await expect(p).rejects.toMatchObject({ code });
}

export function storeContract(name: string, harness: AdapterHarness) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('units', () => {
      it('lists a subtree in path order and leaves out archived units unless asked', async () => {
        const t = await tree(store);
        await store.units.update(t.a2.id, 1, { archived: true }, 2_000);
        const live = await store.units.listSubtree(t.a.path);
        expect(live.map((u) => u.id)).toEqual([t.a.id, t.a1.id]);
        const all = await store.units.listSubtree(t.a.path, { includeArchived: true });
        expect(all.map((u) => u.id).sort()).toEqual([t.a.id, t.a1.id, t.a2.id].sort());
        expect((await store.units.listSubtree(t.street.path)).length).toBe(6);
        expect((await store.units.listRoots()).map((u) => u.id)).toEqual([t.street.id]);
      });

      it('finds live children by name and counts them', async () => {
        const t = await tree(store);
        expect((await store.units.findChildByName(t.a.id, '1号楼'))?.id).toBe(t.a1.id);
        expect(await store.units.findChildByName(t.a.id, '9号楼')).toBeNull();
        expect(await store.units.countLiveChildren(t.a.id)).toBe(2);
        await store.units.update(t.a1.id, 1, { archived: true }, 2_000);
        expect(await store.units.findChildByName(t.a.id, '1号楼')).toBeNull();
        expect(await store.units.countLiveChildren(t.a.id)).toBe(1);
      });

      it('refuses a second live sibling with the same name, but allows it beside an archived one', async () => {
        const t = await tree(store);
        await rejectsWith(store.units.insert(unit(t.a, 'building', '1号楼')), 'UNIT.NAME_TAKEN');
        expect((await store.units.listSubtree(t.a.path)).length).toBe(3);
        await store.units.update(t.a1.id, 1, { archived: true }, 2_000);
        await store.units.insert(unit(t.a, 'building', '1号楼'));
        expect(await store.units.countLiveChildren(t.a.id)).toBe(2);
      });

      it('gets many by id, ignoring unknown ids', async () => {
        const t = await tree(store);
        const got = await store.units.getMany([t.a1.id, 'nope', t.b.id]);
        expect(got.map((u) => u.id).sort()).toEqual([t.a1.id, t.b.id].sort());
        expect(await store.units.getMany([])).toEqual([]);
      });

      it('updates only when the version is the one the caller read, and bumps it', async () => {
        const t = await tree(store);
        const renamed = await store.units.update(t.a1.id, 1, { name: '一号楼' }, 2_000);
        expect(renamed).toMatchObject({ name: '一号楼', version: 2, updatedAt: 2_000 });
        expect(await store.units.update(t.a1.id, 1, { name: '壹号楼' }, 3_000)).toBeNull();
        expect(await store.units.get(t.a1.id)).toMatchObject({ name: '一号楼', version: 2 });
        expect(await store.units.update('missing', 1, { name: 'x' }, 3_000)).toBeNull();
      });

      it('lets exactly one of several concurrent writers with the same version win', async () => {
        const t = await tree(store);
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.units.update(t.a1.id, 1, { name: `${i + 1}栋` }, 2_000 + i)),
        );
        const winners = results.filter((r): r is Unit => r !== null);
        expect(winners).toHaveLength(1);
        expect(await store.units.get(t.a1.id)).toMatchObject({ name: winners[0].name, version: 2 });
      });

      it('refuses a rename onto a live sibling name and writes nothing', async () => {
        const t = await tree(store);
        await rejectsWith(store.units.update(t.a2.id, 1, { name: '1号楼' }, 2_000), 'UNIT.NAME_TAKEN');
        expect(await store.units.get(t.a2.id)).toMatchObject({ name: '2号楼', version: 1 });
      });

      it('moves a unit and rewrites the path of everything below it', async () => {
        const t = await tree(store);
        const grid = unit(t.a, 'grid', '第1网格');
        await store.units.insert(grid);
        const moved = await store.units.move(t.a1.id, 1, grid, 2_000);
        expect(moved).toMatchObject({ parentId: grid.id, path: `${grid.path}${t.a1.id}/`, version: 2 });
        // moving the compound carries its grid and building along
        const c2 = unit(t.street, 'community', '明月社区');
        await store.units.insert(c2);
        await store.units.move(t.a.id, 1, c2, 3_000);
        const sub = await store.units.listSubtree(`${c2.path}${t.a.id}/`);
        expect(sub.map((u) => u.id).sort()).toEqual([t.a.id, grid.id, t.a1.id, t.a2.id].sort());
        expect((await store.units.get(t.a1.id))!.path).toBe(`${c2.path}${t.a.id}/${grid.id}/${t.a1.id}/`);
        expect(await store.units.listSubtree(t.community.path)).toHaveLength(3);
      });

      it('refuses a move with a stale version and changes no path', async () => {
        const t = await tree(store);
        expect(await store.units.move(t.a.id, 7, t.community, 2_000)).toBeNull();
        expect(await store.units.get(t.a1.id)).toMatchObject({ path: t.a1.path });
      });

      it('refuses to move a unit under its own descendant', async () => {
        const t = await tree(store);
        await rejectsWith(store.units.move(t.a.id, 1, t.a1, 2_000), 'UNIT.CYCLE');
        expect(await store.units.get(t.a.id)).toMatchObject({ path: t.a.path, version: 1 });
      });

      it('lets only one of two concurrent moves of the same unit win, leaving one consistent subtree', async () => {
        const t = await tree(store);
        const c2 = unit(t.street, 'community', '明月社区');
        const c3 = unit(t.street, 'community', '清风社区');
        await store.units.insert(c2);
        await store.units.insert(c3);
        const [r1, r2] = await Promise.all([store.units.move(t.a.id, 1, c2, 2_000), store.units.move(t.a.id, 1, c3, 2_000)]);
        expect([r1, r2].filter(Boolean)).toHaveLength(1);
        const winner = (r1 ?? r2)!;
        const building = await store.units.get(t.a1.id);
        expect(building!.path).toBe(`${winner.path}${t.a1.id}/`);
      });
    });

    describe('people', () => {
      it('finds people by username and openid, and keeps the password hash apart', async () => {
        const p = person('孙福贵', { username: 'jumin', openid: 'o-123', phone: '13800000007' });
        await store.people.insert(p, 'scrypt$hash');
        expect(await store.people.findByUsername('jumin')).toMatchObject({ id: p.id, name: '孙福贵' });
        expect(await store.people.findByOpenid('o-123')).toMatchObject({ id: p.id });
        expect(await store.people.findByUsername('nobody')).toBeNull();
        expect(await store.people.passwordHash(p.id)).toBe('scrypt$hash');
        expect(await store.people.count()).toBe(1);
        expect(JSON.stringify(await store.people.get(p.id))).not.toContain('scrypt');
      });

      it('refuses a taken username and writes nothing', async () => {
        await store.people.insert(person('甲', { username: 'same' }), null);
        await rejectsWith(store.people.insert(person('乙', { username: 'same' }), null), 'INPUT.INVALID');
        expect(await store.people.count()).toBe(1);
      });

      it('allows many people without a username or openid', async () => {
        await store.people.insert(person('甲'), null);
        await store.people.insert(person('乙'), null);
        expect(await store.people.count()).toBe(2);
      });

      it('searches within the given subtrees and among people bound nowhere', async () => {
        const t = await tree(store);
        const inA = person('王小明', { phone: '13900000001' });
        const inB = person('王小红');
        const loose = person('王小刚');
        const other = person('李四');
        for (const p of [inA, inB, loose, other]) await store.people.insert(p, null);
        await store.bindings.insert(binding(inA, t.a1, 'resident'));
        await store.bindings.insert(binding(inB, t.b1, 'resident'));
        await store.bindings.insert(binding(other, t.a1, 'resident'));
        const found = await store.people.search('王', [t.a.path], 10);
        expect(found.map((p) => p.name).sort()).toEqual(['王小刚', '王小明']);
        expect((await store.people.search('0000001', [t.a.path], 10)).map((p) => p.id)).toEqual([inA.id]);
        expect(await store.people.search('%', [t.street.path], 10)).toEqual([]);
        expect(await store.people.search('', [t.street.path], 2)).toHaveLength(2);
      });

      it('lists demo people only', async () => {
        await store.people.insert(person('演示', { demo: true, username: 'demo' }), null);
        await store.people.insert(person('真人'), null);
        expect((await store.people.listDemo()).map((p) => p.name)).toEqual(['演示']);
      });
    });

    describe('bindings', () => {
      it('binds a role once, even when the same binding is sent twice at once', async () => {
        const t = await tree(store);
        const p = person('赵桂兰');
        await store.people.insert(p, null);
        const results = await Promise.all([1, 2, 3].map(() => store.bindings.insert(binding(p, t.a1, 'building_lead'))));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.bindings.listForUnit(t.a1.id)).toHaveLength(1);
        expect(await store.bindings.insert(binding(p, t.a1, 'resident'))).toBe(true);
        expect((await store.bindings.listForPerson(p.id)).map((b) => b.role).sort()).toEqual(['building_lead', 'resident']);
        expect(await store.bindings.find(p.id, t.a1.id, 'resident')).toMatchObject({ role: 'resident' });
        expect(await store.bindings.find(p.id, t.a2.id, 'resident')).toBeNull();
        expect((await store.bindings.listWithRoles([t.a1.id, t.a2.id], ['building_lead'])).map((b) => b.role)).toEqual(['building_lead']);
        expect(await store.bindings.listWithRoles([t.a2.id], ['building_lead'])).toEqual([]);
        expect(await store.bindings.listWithRoles([], ['building_lead'])).toEqual([]);
      });

      it('removes a binding once', async () => {
        const t = await tree(store);
        const p = person('甲');
        await store.people.insert(p, null);
        const b = binding(p, t.a1, 'resident');
        await store.bindings.insert(b);
        expect(await store.bindings.get(b.id)).toMatchObject({ id: b.id });
        expect(await store.bindings.remove(b.id)).toBe(true);
        expect(await store.bindings.remove(b.id)).toBe(false);
        expect(await store.bindings.get(b.id)).toBeNull();
      });
    });

    describe('sessions', () => {
      it('finds a session by token hash, revokes it once, and purges expired ones', async () => {
        const p = person('甲');
        await store.people.insert(p, null);
        await store.sessions.insert({ id: 's1', tokenHash: 'h1', personId: p.id, createdAt: 1, expiresAt: 100, revokedAt: null });
        await store.sessions.insert({ id: 's2', tokenHash: 'h2', personId: p.id, createdAt: 1, expiresAt: 300, revokedAt: null });
        expect(await store.sessions.findByTokenHash('h1')).toMatchObject({ id: 's1', revokedAt: null });
        expect(await store.sessions.revoke('s1', 50)).toBe(true);
        expect(await store.sessions.revoke('s1', 60)).toBe(false);
        expect(await store.sessions.findByTokenHash('h1')).toMatchObject({ revokedAt: 50 });
        expect(await store.sessions.purgeExpired(200)).toBe(1);
        expect(await store.sessions.findByTokenHash('h1')).toBeNull();
        expect(await store.sessions.findByTokenHash('h2')).not.toBeNull();
      });
    });

    describe('messages', () => {
      const msg = (id: string, personId: string, createdAt: number) => ({
        id,
        personId,
        kind: 'report.assigned',
        title: `消息${id}`,
        body: '正文',
        page: null,
        createdAt,
        readAt: null,
      });
      beforeEach(async () => {
        await store.people.insert(person('甲', { id: 'p1' }), null);
        await store.people.insert(person('乙', { id: 'p2' }), null);
      });

      it('lists a person’s messages newest first, a page at a time, and only theirs', async () => {
        for (const [id, at] of [['m1', 10], ['m2', 30], ['m3', 20], ['m4', 40]] as const) await store.messages.insert(msg(id, 'p1', at));
        await store.messages.insert(msg('x1', 'p2', 50));
        expect((await store.messages.listForPerson('p1', 2)).map((m) => m.id)).toEqual(['m4', 'm2']);
        expect((await store.messages.listForPerson('p1', 10, 30)).map((m) => m.id)).toEqual(['m3', 'm1']);
        expect(await store.messages.listForPerson('p1', 0)).toEqual([]);
        expect((await store.messages.listForPerson('p2', 10))[0]).toMatchObject({ id: 'x1', title: '消息x1', page: null, readAt: null });
      });

      it('counts and marks unread messages, never another person’s', async () => {
        for (const id of ['a', 'b', 'c']) await store.messages.insert(msg(id, 'p1', 1));
        await store.messages.insert(msg('z', 'p2', 1));
        expect(await store.messages.countUnread('p1')).toBe(3);
        expect(await store.messages.markRead('p1', ['a', 'z', 'nope'], 99)).toBe(1);
        expect(await store.messages.markRead('p1', ['a'], 100)).toBe(0);
        expect(await store.messages.countUnread('p1')).toBe(2);
        expect(await store.messages.countUnread('p2')).toBe(1);
        expect(await store.messages.markRead('p1', null, 101)).toBe(2);
        expect(await store.messages.countUnread('p1')).toBe(0);
        expect((await store.messages.listForPerson('p1', 10)).find((m) => m.id === 'a')?.readAt).toBe(99);
      });
    });

    describe('reports', () => {
      it('inserts a report with its timeline, and a retried create makes no second report', async () => {
        const t = await tree(store);
        const a = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
        expect(await store.reports.insert(a.report, a.entries)).toMatchObject({ created: true, report: { id: a.report.id } });
        const retry = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
        const again = await store.reports.insert(retry.report, retry.entries);
        expect(again).toMatchObject({ created: false, report: { id: a.report.id } });
        expect(await store.reports.get(retry.report.id)).toBeNull();
        expect((await store.reports.timeline(a.report.id)).map((e) => e.type)).toEqual(['create']);
        // the same request id from another person is another report
        const other = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p2' });
        expect((await store.reports.insert(other.report, other.entries)).created).toBe(true);
      });

      it('makes one report when the same create arrives twice at once', async () => {
        const t = await tree(store);
        const tries = [1, 2, 3].map(() => report(t.a1, { clientRequestId: 'client-race', createdBy: 'p1' }));
        const results = await Promise.all(tries.map((x) => store.reports.insert(x.report, x.entries)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
        expect(await store.reports.count({ path: t.street.path })).toBe(1);
      });

      it('saves only over the version read, appending timeline entries with the write', async () => {
        const t = await tree(store);
        const a = report(t.a1);
        await store.reports.insert(a.report, a.entries);
        const e = { ...a.entries[0], id: 'evt-respond', type: 'respond' as const, at: a.report.createdAt + 1 };
        const saved = await store.reports.save({ ...a.report, status: 'responded' }, 1, [e]);
        expect(saved).toMatchObject({ status: 'responded', version: 2 });
        const stale = await store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...e, id: 'evt-stale' }]);
        expect(stale).toBeNull();
        expect(await store.reports.get(a.report.id)).toMatchObject({ status: 'responded', version: 2 });
        expect((await store.reports.timeline(a.report.id)).map((x) => x.id)).toEqual([a.entries[0].id, 'evt-respond']);
      });

      it('lets one of two handlers resolving at once win', async () => {
        const t = await tree(store);
        const a = report(t.a1);
        await store.reports.insert(a.report, a.entries);
        const [r1, r2] = await Promise.all([
          store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...a.entries[0], id: 'e1', type: 'resolve' }]),
          store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...a.entries[0], id: 'e2', type: 'resolve' }]),
        ]);
        expect([r1, r2].filter(Boolean)).toHaveLength(1);
        expect((await store.reports.timeline(a.report.id)).filter((e) => e.type === 'resolve')).toHaveLength(1);
      });

      it('gives a claim to one timer run only, until it expires', async () => {
        const t = await tree(store);
        const a = report(t.a1);
        await store.reports.insert(a.report, a.entries);
        const [c1, c2] = await Promise.all([store.reports.claim(a.report.id, 1, 'run-1', 500, 100), store.reports.claim(a.report.id, 1, 'run-2', 500, 100)]);
        expect([c1, c2].filter(Boolean)).toHaveLength(1);
        // A claim is not a write of the report: it comes back as stored, its version unchanged.
        const held = (c1 ?? c2)!;
        expect(held).toEqual(a.report);
        expect(await store.reports.get(a.report.id)).toEqual(a.report);
        expect(await store.reports.claim(a.report.id, 1, 'run-3', 600, 200)).toBeNull();
        expect(await store.reports.claim(a.report.id, 1, 'run-3', 900, 600)).toEqual(a.report);
        // Its owner may take it again before it expires; a stale version never claims.
        expect(await store.reports.claim(a.report.id, 1, 'run-3', 950, 700)).toEqual(a.report);
        expect(await store.reports.claim(a.report.id, 0, 'run-4', 2000, 1000)).toBeNull();
      });

      it('ends a claim when the report is saved, and when its owner lets go', async () => {
        const t = await tree(store);
        const [a, b, c] = [report(t.a1, { nextCheckAt: 100 }), report(t.a1, { nextCheckAt: 110 }), report(t.a1, { nextCheckAt: 120 })];
        for (const x of [a, b, c]) await store.reports.insert(x.report, x.entries);
        expect((await store.reports.claimDue(200, 10, 'run-1', 900)).map((r) => r.id)).toEqual([a.report.id, b.report.id, c.report.id]);
        expect(await store.reports.claimDue(200, 10, 'run-2', 900)).toEqual([]);
        // A handler's save ends the claim on a; run-1 lets go of b; another owner cannot let go of c.
        expect(await store.reports.save({ ...a.report, status: 'responded' }, 1, [])).toMatchObject({ version: 2 });
        await store.reports.release([b.report.id, c.report.id], 'someone-else');
        await store.reports.release([b.report.id], 'run-1');
        await store.reports.release([], 'run-1');
        expect((await store.reports.claimDue(200, 10, 'run-2', 900)).map((r) => r.id)).toEqual([a.report.id, b.report.id]);
        expect(await store.reports.get(b.report.id)).toEqual(b.report);
      });

      it('lists what is due, oldest first, and nothing that needs no look', async () => {
        const t = await tree(store);
        const mk = (next: number | null) => report(t.a1, { nextCheckAt: next });
        for (const x of [mk(300), mk(100), mk(null), mk(900), mk(200)]) await store.reports.insert(x.report, x.entries);
        expect((await store.reports.listDue(300, 10)).map((r) => r.nextCheckAt)).toEqual([100, 200, 300]);
        expect((await store.reports.listDue(300, 2)).map((r) => r.nextCheckAt)).toEqual([100, 200]);
      });

      it('lists a resident’s own reports, those recorded for them too, newest first', async () => {
        const t = await tree(store);
        const own = report(t.a1, { createdBy: 'p1', residentId: 'p1', createdAt: 100 });
        const forMe = report(t.a1, { createdBy: 'lead', residentId: 'p1', createdAt: 200 });
        const notMine = report(t.a1, { createdBy: 'p2', residentId: 'p2', createdAt: 300 });
        for (const x of [own, forMe, notMine]) await store.reports.insert(x.report, x.entries);
        expect((await store.reports.listForResident('p1', 10)).map((r) => r.id)).toEqual([forMe.report.id, own.report.id]);
        expect((await store.reports.listForResident('p1', 10, 200)).map((r) => r.id)).toEqual([own.report.id]);
      });

      it('filters by subtree, status, level, handler and deadline, soonest deadline first', async () => {
        const t = await tree(store);
        const x1 = report(t.a1, { dueAt: 300, status: 'responded', handlerId: 'h1' });
        const x2 = report(t.a2, { dueAt: 100, handlerId: 'h2' });
        const x3 = report(t.b1, { dueAt: 200, level: 'compound' });
        for (const x of [x1, x2, x3]) await store.reports.insert(x.report, x.entries);
        expect((await store.reports.list({ path: t.community.path }, 10)).map((r) => r.dueAt)).toEqual([100, 200, 300]);
        expect((await store.reports.list({ path: t.a.path }, 10)).map((r) => r.id)).toEqual([x2.report.id, x1.report.id]);
        expect((await store.reports.list({ path: t.street.path, statuses: ['responded'] }, 10)).map((r) => r.id)).toEqual([x1.report.id]);
        expect((await store.reports.list({ path: t.street.path, levels: ['compound'] }, 10)).map((r) => r.id)).toEqual([x3.report.id]);
        expect((await store.reports.list({ path: t.street.path, handlerId: 'h2' }, 10)).map((r) => r.id)).toEqual([x2.report.id]);
        expect(await store.reports.count({ path: t.street.path, dueBefore: 250 })).toBe(2);
        expect((await store.reports.list({ path: t.street.path }, 1, 1)).map((r) => r.dueAt)).toEqual([200]);
      });

      it('finds open reports of the same category on the same building since a moment', async () => {
        const t = await tree(store);
        const open = report(t.a1, { createdAt: 1_000 });
        const old = report(t.a1, { createdAt: 10 });
        const closed = report(t.a1, { createdAt: 1_000, status: 'closed' });
        const otherKind = report(t.a1, { createdAt: 1_000, category: 'lift' });
        for (const x of [open, old, closed, otherKind]) await store.reports.insert(x.report, x.entries);
        expect((await store.reports.findOpenSimilar(t.a1.id, 'noise', 500)).map((r) => r.id)).toEqual([open.report.id]);
      });
    });

    describe('report writes with what they bring, and in bulk', () => {
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

      it('claims due reports in bulk, oldest first, leaving out those under anyone’s unexpired claim', async () => {
        const t = await tree(store);
        const mk = (next: number | null) => report(t.a1, { nextCheckAt: next });
        const [r300, r100, , r200, r250] = [mk(300), mk(100), mk(null), mk(200), mk(250), mk(900)];
        for (const x of [r300, r100, r200, r250, mk(null), mk(900)]) await store.reports.insert(x.report, x.entries);
        // r250 is held by another run until 400; r200 by this run, expired at 250.
        expect(await store.reports.claim(r250.report.id, 1, 'other', 400, 0)).toBeTruthy();
        expect(await store.reports.claim(r200.report.id, 1, 'run-1', 250, 0)).toBeTruthy();
        const got = await store.reports.claimDue(300, 2, 'run-1', 600);
        expect(got.map((r) => r.id)).toEqual([r100.report.id, r200.report.id]);
        expect(got[1]).toEqual(r200.report);
        // Its own unexpired claims are not handed back either; the other run's is not due for it.
        expect((await store.reports.claimDue(300, 10, 'run-1', 600)).map((r) => r.id)).toEqual([r300.report.id]);
        expect(await store.reports.claimDue(300, 10, 'run-1', 600)).toEqual([]);
        expect((await store.reports.claimDue(400, 10, 'run-2', 900)).map((r) => r.id)).toEqual([r250.report.id]);
        // The claim holds off other timer runs, not a handler: a save in between wins the version,
        // and the timer's save of the version it claimed then writes nothing.
        expect(await store.reports.save({ ...got[0], status: 'responded' }, 1, [])).toMatchObject({ version: 2 });
        expect(await store.reports.save({ ...got[0], escalations: 1 }, got[0].version, [])).toBeNull();
        expect(await store.reports.get(r100.report.id)).toMatchObject({ status: 'responded', escalations: 0 });
        expect(await store.reports.claimDue(300, 0, 'run-3', 900)).toEqual([]);
      });

      it('gives each due report to one of two timer runs claiming at once', async () => {
        const t = await tree(store);
        const due = Array.from({ length: 9 }, (_, i) => report(t.a1, { nextCheckAt: 100 + i }));
        for (const x of due) await store.reports.insert(x.report, x.entries);
        const run = async (owner: string) => {
          const mine: string[] = [];
          for (let got = await store.reports.claimDue(500, 2, owner, 900); got.length > 0; got = await store.reports.claimDue(500, 2, owner, 900)) mine.push(...got.map((r) => r.id));
          return mine;
        };
        const [a, b] = await Promise.all([run('run-a'), run('run-b')]);
        expect([...a, ...b].sort()).toEqual(due.map((x) => x.report.id).sort());
        expect(new Set([...a, ...b]).size).toBe(9);
      });

      it('escalates each overdue report exactly once when two sweeps run at once', async () => {
        const t = await tree(store);
        const [lead, secretary, resident] = [person('楼长', { id: 'per_lead' }), person('支部书记', { id: 'per_sec' }), person('居民', { id: 'per_res' })];
        for (const p of [lead, secretary, resident]) await store.people.insert(p, null);
        await store.bindings.insert(binding(lead, t.a1, 'building_lead'));
        await store.bindings.insert(binding(secretary, t.a, 'compound_secretary'));
        const at = Date.parse('2026-11-24T10:00:00+08:00');
        const filed = Array.from({ length: 7 }, () => report(t.a1, { at, handlerId: lead.id, createdBy: resident.id }));
        for (const x of filed) await store.reports.insert({ ...x.report, levelUnitId: t.a1.id }, x.entries);
        const clock = fixedClock(at + 10 * 24 * 3600_000);
        const deps = makeDeps(store, { clock, log: silentLogger });
        const [r1, r2] = await Promise.all([sweep(deps, 'run-a', 3), sweep(deps, 'run-b', 2)]);
        expect(r1.escalated + r2.escalated).toBe(7);
        for (const x of filed) {
          const r = (await store.reports.get(x.report.id))!;
          expect(r).toMatchObject({ level: 'compound', handlerId: secretary.id, escalations: 1 });
          expect((await store.reports.timeline(r.id)).filter((e) => e.type === 'escalate')).toHaveLength(1);
        }
        // The building lead hears of each breach once, the compound secretary of each arrival once.
        expect(await store.messages.listForPerson(lead.id, 50)).toHaveLength(7);
        expect(await store.messages.listForPerson(secretary.id, 50)).toHaveLength(7);
        expect(await sweep(deps, 'run-c')).toMatchObject({ escalated: 0, warned: 0 });
      });
    });

    describe('audit and meta', () => {
      it('lists audit entries of a target, newest first', async () => {
        for (const [id, at] of [['a1', 10], ['a2', 30], ['a3', 20]] as const)
          await store.audit.append({ id, at, actorId: null, action: 'units.rename', targetKind: 'unit', targetId: 'u1', detail: { n: at } });
        await store.audit.append({ id: 'a4', at: 40, actorId: null, action: 'units.rename', targetKind: 'unit', targetId: 'u2', detail: {} });
        const list = await store.audit.listForTarget('u1', 2);
        expect(list.map((e) => e.id)).toEqual(['a2', 'a3']);
        expect(list[0].detail).toEqual({ n: 30 });
      });

      it('keeps the first value written for a key, even under concurrent writers', async () => {
        const values = await Promise.all(['x', 'y', 'z'].map((v) => store.meta.setIfAbsent('secret', v)));
        expect(new Set(values).size).toBe(1);
        expect(await store.meta.get('secret')).toBe(values[0]);
        expect(await store.meta.get('missing')).toBeNull();
      });
    });
  });
  deskStoreContract(name, harness);
}
