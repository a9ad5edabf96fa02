import type { Need, NeedStatus } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { need, project } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function needsContract(ctx: ContractContext) {
  describe('needs', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });
    const posted = (extra: Partial<Need> = {}) => need(t.community.id, t.a, extra);
    /** The project partner `partnerId`'s person `by` proposes in claiming `n`. */
    const claimOf = (n: Need, partnerId: string, by = `per_${partnerId}`) =>
      project(n.communityId, partnerId, { needId: n.id, title: n.title, proposedBy: by, partnerOwnerId: by, clientRequestId: `claim-${partnerId}-${n.id}` });

    describe('posting', () => {
      it('inserts a need and gets it back; a retried post answers the first and writes nothing', async () => {
        const n = posted({ source: 'visit', sourceId: 'pvs_1' });
        expect(await store.needs.insert(n)).toEqual({ need: n, created: true });
        expect(await store.needs.get(n.id)).toEqual(n);
        expect(await store.needs.insert({ ...n, id: 'ned_retry', title: '又写了一遍' })).toEqual({ need: n, created: false });
        expect(await store.needs.get('ned_retry')).toBeNull();
        const other = { ...n, id: 'ned_other', postedBy: 'per_staff2' };
        expect(await store.needs.insert(other)).toEqual({ need: other, created: true });
        expect(await store.needs.get('ned_missing')).toBeNull();
      });

      it('RACE: of 20 retries of one post at once, one need is written and every retry answers it', async () => {
        const first = posted();
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.needs.insert({ ...first, id: `ned_race${i}`, createdAt: 20_000 + i })));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.need;
        for (const r of results) expect(r.need).toEqual(winner);
        expect(await store.needs.list([t.community.id], null, 100, 0)).toEqual({ needs: [winner], total: 1 });
      }, 60_000);
    });

    describe('updating', () => {
      it('writes the need at the version read, its identity kept; a stale version writes nothing', async () => {
        const n = posted();
        await store.needs.insert(n);
        const next: Need = { ...n, status: 'withdrawn', title: '改了标题', unitId: t.a1.id, unitPath: t.a1.path, updatedAt: 11_000, version: 2 };
        expect(await store.needs.update({ ...next, postedBy: 'per_x', clientRequestId: 'req-x', createdAt: 1 }, 1)).toEqual(next);
        expect(await store.needs.get(n.id)).toEqual(next);
        expect(await store.needs.update({ ...n, version: 2 }, 1)).toBeNull();
        expect(await store.needs.update(posted({ id: 'ned_missing', version: 2 }), 1)).toBeNull();
      });

      it('RACE: of two updates at one version at once, one writes', async () => {
        const n = posted();
        await store.needs.insert(n);
        const [a, b] = await Promise.all([
          store.needs.update({ ...n, title: '甲', version: 2 }, 1),
          store.needs.update({ ...n, status: 'withdrawn', version: 2 }, 1),
        ]);
        expect([a, b].filter((x) => x !== null)).toHaveLength(1);
        expect(await store.needs.get(n.id)).toEqual(a ?? b);
      });
    });

    describe('claiming', () => {
      it('claims an open need whatever version was read, inserting its project; refuses a need not open with the need as stored', async () => {
        const n = posted({ version: 3 });
        await store.needs.insert(n);
        const p = claimOf(n, 'ptn_a');
        const got = await store.needs.claim(n.id, p, 30_000);
        const claimed: Need = { ...n, status: 'claimed', partnerId: 'ptn_a', projectId: p.id, updatedAt: 30_000, version: 4 };
        expect(got).toEqual({ ok: true, need: claimed, project: p });
        expect(await store.needs.get(n.id)).toEqual(claimed);
        expect(await store.projects.get(p.id)).toEqual(p);
        // Another partner finds it claimed; nothing of theirs is written.
        const q = claimOf(n, 'ptn_b');
        expect(await store.needs.claim(n.id, q, 31_000)).toEqual({ ok: false, reason: 'not_open', need: claimed });
        expect(await store.projects.get(q.id)).toBeNull();
        for (const status of ['met', 'withdrawn'] as const) {
          const x = posted({ status });
          await store.needs.insert(x);
          const px = claimOf(x, 'ptn_a');
          expect(await store.needs.claim(x.id, px, 32_000)).toEqual({ ok: false, reason: 'not_open', need: x });
          expect(await store.needs.get(x.id)).toEqual(x);
          expect(await store.projects.get(px.id)).toBeNull();
        }
        const lost = project(t.community.id, 'ptn_a', { needId: 'ned_missing' });
        expect(await store.needs.claim('ned_missing', lost, 33_000)).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.projects.get(lost.id)).toBeNull();
      });

      it("answers the winner's retried claim (the same project, or the same request) with the need and its project, writing nothing", async () => {
        const n = posted();
        await store.needs.insert(n);
        const p = claimOf(n, 'ptn_a');
        const first = await store.needs.claim(n.id, p, 30_000);
        expect(await store.needs.claim(n.id, { ...p, title: '重试' }, 31_000)).toEqual(first);
        expect(await store.needs.claim(n.id, { ...p, id: 'prj_retry' }, 31_000)).toEqual(first);
        expect(await store.projects.get('prj_retry')).toBeNull();
        expect(await store.projects.list({ communityIds: [t.community.id] }, 100, 0)).toEqual({ projects: [p], total: 1 });
      });

      it('claims a need released again (open after its project was declined) with a new project', async () => {
        const n = posted();
        await store.needs.insert(n);
        const p = claimOf(n, 'ptn_a');
        const first = await store.needs.claim(n.id, p, 30_000);
        if (!first.ok) throw new Error('the first claim was refused');
        const released = await store.needs.update({ ...first.need, status: 'open', partnerId: null, projectId: null, updatedAt: 31_000, version: first.need.version + 1 }, first.need.version);
        expect(released).not.toBeNull();
        const q = claimOf(n, 'ptn_b');
        const again = await store.needs.claim(n.id, q, 32_000);
        expect(again).toEqual({ ok: true, need: { ...released!, status: 'claimed', partnerId: 'ptn_b', projectId: q.id, updatedAt: 32_000, version: released!.version + 1 }, project: q });
        expect((await store.projects.list({ communityIds: [t.community.id] }, 100, 0)).total).toBe(2);
      });

      it.each([2, 20])('RACE: of %i partners claiming one need at once, exactly one wins: one project, the need claimed by its partner', async (count) => {
        const n = posted();
        await store.needs.insert(n);
        const claims = Array.from({ length: count }, (_, i) => claimOf(n, `ptn_${String(i).padStart(2, '0')}`));
        const results = await Promise.all(claims.map((p, i) => store.needs.claim(n.id, p, 30_000 + i)));
        const won = results.filter((r) => r.ok);
        expect(won).toHaveLength(1);
        const winner = claims[results.findIndex((r) => r.ok)];
        const stored = await store.needs.get(n.id);
        expect(stored).toEqual({ ...n, status: 'claimed', partnerId: winner.partnerId, projectId: winner.id, updatedAt: 30_000 + claims.indexOf(winner), version: 2 });
        expect(won[0]).toEqual({ ok: true, need: stored, project: winner });
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'not_open', need: stored });
        expect(await store.projects.list({ communityIds: [t.community.id] }, 100, 0)).toEqual({ projects: [winner], total: 1 });
      }, 60_000);

      it('RACE: a claim and an update at the version read at once: one of them changes the need', async () => {
        const n = posted();
        await store.needs.insert(n);
        const p = claimOf(n, 'ptn_a');
        const [claimed, withdrawn] = await Promise.all([store.needs.claim(n.id, p, 30_000), store.needs.update({ ...n, status: 'withdrawn', updatedAt: 30_000, version: 2 }, 1)]);
        expect(claimed.ok !== (withdrawn !== null)).toBe(true);
        const stored = await store.needs.get(n.id);
        expect(stored!.version).toBe(2);
        expect(stored!.status).toBe(claimed.ok ? 'claimed' : 'withdrawn');
        expect(await store.projects.get(p.id)).toEqual(claimed.ok ? p : null);
      });
    });

    describe('listing', () => {
      it("lists some communities' needs newest first, of a status, with a total whatever the page; counts those posted in a period", async () => {
        const other = 'unit_other_community';
        const ns = [
          posted({ createdAt: 1_000 }),
          posted({ createdAt: 3_000, status: 'claimed', partnerId: 'ptn_a', projectId: 'prj_a' }),
          posted({ createdAt: 2_000 }),
          need(other, t.b, { createdAt: 4_000 }),
          posted({ createdAt: 3_000, status: 'met', partnerId: 'ptn_a', projectId: 'prj_b' }),
        ];
        for (const n of ns) await store.needs.insert(n);
        const ids = async (communityIds: string[], status: NeedStatus | null, limit = 100, offset = 0) => {
          const got = await store.needs.list(communityIds, status, limit, offset);
          return { ids: got.needs.map((n) => n.id), total: got.total };
        };
        const [c3a, c3b] = [ns[1].id, ns[4].id].sort().reverse();
        expect(await ids([t.community.id], null)).toEqual({ ids: [c3a, c3b, ns[2].id, ns[0].id], total: 4 });
        expect(await ids([t.community.id], 'open')).toEqual({ ids: [ns[2].id, ns[0].id], total: 2 });
        expect(await ids([t.community.id, other], 'open')).toEqual({ ids: [ns[3].id, ns[2].id, ns[0].id], total: 3 });
        expect(await ids([t.community.id, other], null, 2, 1)).toEqual({ ids: [c3a, c3b], total: 5 });
        expect(await ids([t.community.id], 'withdrawn')).toEqual({ ids: [], total: 0 });
        expect(await ids([], null)).toEqual({ ids: [], total: 0 });
        expect(await ids([t.community.id], null, 0, 0)).toEqual({ ids: [], total: 4 });
        // [from, to): the start counts, the end does not.
        expect(await store.needs.countPosted(t.community.id, 1_000, 3_000)).toBe(2);
        expect(await store.needs.countPosted(t.community.id, 1_001, 3_001)).toBe(3);
        expect(await store.needs.countPosted(t.community.id, 0, 100_000)).toBe(4);
        expect(await store.needs.countPosted(other, 0, 100_000)).toBe(1);
        expect(await store.needs.countPosted(t.community.id, 5_000, 6_000)).toBe(0);
      });
    });
  });
}
