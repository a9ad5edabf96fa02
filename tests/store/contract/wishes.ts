import type { Unit, Wish } from '../../../src/core';
import type { Store, WishQuery } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
/** A wish posted by its wisher at `building`, open unless told otherwise. */
function wish(building: Unit, communityId: string, extra: Partial<Wish> = {}): Wish {
  const i = ++n;
  return {
    id: `wsh_c${String(i).padStart(6, '0')}`,
    communityId,
    buildingId: building.id,
    unitPath: building.path,
    door: { entrance: '1', floor: 5, room: '502' },
    wisherId: 'per_wisher',
    what: '想要一根带凳子的拐杖',
    forWhom: '独居老人',
    byDate: '2026-12-20',
    postedBy: 'per_wisher',
    postedVia: 'self',
    leadId: 'per_lead',
    phoneShared: false,
    phone: null,
    status: 'open',
    approvedBy: 'per_staff',
    approvedAt: 11_000,
    rejectReason: null,
    claimerId: null,
    claimedAt: null,
    fulfilNote: null,
    fulfilPhotos: [],
    fulfilledAt: null,
    confirmedAt: null,
    confirmedBy: null,
    points: null,
    clientRequestId: `req-wish-${i}`,
    createdAt: 10_000 + i,
    updatedAt: 10_000 + i,
    version: 1,
    ...extra,
  };
}

export function wishesContract(ctx: ContractContext) {
  describe('wishes', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    describe('posting', () => {
      it('inserts a wish and gets it back as posted; a retried post answers the first and writes nothing', async () => {
        const w = wish(t.a1, t.community.id, { status: 'pending', approvedBy: null, approvedAt: null, phoneShared: true, phone: '13800000001' });
        expect(await store.wishes.insert(w)).toEqual({ wish: w, created: true });
        expect(await store.wishes.get(w.id)).toEqual(w);
        const retry = { ...w, id: 'wsh_retry', what: '又写了一遍', createdAt: 99_999 };
        expect(await store.wishes.insert(retry)).toEqual({ wish: w, created: false });
        expect(await store.wishes.get('wsh_retry')).toBeNull();
        // The same request id from another poster is another wish.
        const other = { ...retry, id: 'wsh_other', postedBy: 'per_lead', postedVia: 'lead' as const };
        expect(await store.wishes.insert(other)).toEqual({ wish: other, created: true });
        expect(await store.wishes.get('wsh_missing')).toBeNull();
      });

      it('RACE: of 20 retries of one post at once, one wish is written and every retry answers it', async () => {
        const first = wish(t.a1, t.community.id);
        const racers = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `wsh_race${String(i).padStart(2, '0')}`, createdAt: 20_000 + i }));
        const results = await Promise.all(racers.map((w) => store.wishes.insert(w)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.wish;
        for (const r of results) expect(r.wish).toEqual(winner);
        expect(await store.wishes.list({ postedOrWishedBy: first.postedBy }, 100, 0)).toEqual({ wishes: [winner], total: 1 });
      }, 60_000);
    });

    describe('claiming', () => {
      it('RACE: of 50 claims of one open wish at once, exactly one wins and the wish names that claimer', async () => {
        const w = wish(t.a1, t.community.id);
        await store.wishes.insert(w);
        const claimers = Array.from({ length: 50 }, (_, i) => `per_member${String(i).padStart(2, '0')}`);
        const results = await Promise.all(claimers.map((c, i) => store.wishes.claim(w.id, c, 30_000 + i)));
        const won = results.filter((r) => r.ok);
        expect(won).toHaveLength(1);
        const stored = await store.wishes.get(w.id);
        expect(stored).toMatchObject({ status: 'claimed', version: 2 });
        const winner = claimers[results.findIndex((r) => r.ok)];
        expect(stored!.claimerId).toBe(winner);
        expect(stored!.claimedAt).toBe(30_000 + claimers.indexOf(winner));
        expect(stored!.updatedAt).toBe(stored!.claimedAt);
        expect(won[0]).toEqual({ ok: true, wish: stored });
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'not_open', wish: stored });
      }, 60_000);

      it('claims an open wish whatever version was read, and refuses a wish that is not open with the wish as stored', async () => {
        const w = wish(t.a1, t.community.id, { version: 4 });
        await store.wishes.insert(w);
        const got = await store.wishes.claim(w.id, 'per_member', 30_000);
        expect(got).toEqual({ ok: true, wish: { ...w, status: 'claimed', claimerId: 'per_member', claimedAt: 30_000, updatedAt: 30_000, version: 5 } });
        expect(await store.wishes.claim(w.id, 'per_other', 31_000)).toEqual({ ok: false, reason: 'not_open', wish: got.ok && got.wish });
        for (const status of ['pending', 'fulfilled', 'expired', 'withdrawn'] as const) {
          const x = wish(t.a2, t.community.id, { status });
          await store.wishes.insert(x);
          expect(await store.wishes.claim(x.id, 'per_member', 32_000)).toEqual({ ok: false, reason: 'not_open', wish: x });
          expect(await store.wishes.get(x.id)).toEqual(x);
        }
        expect(await store.wishes.claim('wsh_missing', 'per_member', 33_000)).toEqual({ ok: false, reason: 'not_found' });
      });
    });

    describe('updating', () => {
      it('writes the whole wish at the version read; a stale version writes nothing', async () => {
        const w = wish(t.a1, t.community.id, { status: 'claimed', claimerId: 'per_member', claimedAt: 30_000, version: 2 });
        await store.wishes.insert(w);
        const fulfilled: Wish = {
          ...w,
          status: 'fulfilled',
          fulfilNote: '拐杖已送到王奶奶家',
          fulfilPhotos: ['wishes/a.jpg', 'wishes/b.jpg'],
          fulfilledAt: 40_000,
          updatedAt: 40_000,
          version: 3,
        };
        expect(await store.wishes.update(fulfilled, 2)).toEqual(fulfilled);
        expect(await store.wishes.update({ ...w, status: 'open', claimerId: null, version: 3 }, 2)).toBeNull();
        expect(await store.wishes.get(w.id)).toEqual(fulfilled);
        // Lists and the door are replaced whole, not merged.
        const edited: Wish = { ...fulfilled, fulfilPhotos: ['wishes/c.jpg'], door: { entrance: '2', floor: null, room: '101' }, updatedAt: 41_000, version: 4 };
        expect(await store.wishes.update(edited, 3)).toEqual(edited);
        expect(await store.wishes.get(w.id)).toEqual(edited);
        expect(await store.wishes.update({ ...edited, version: 5 }, 9)).toBeNull();
        expect(await store.wishes.update(wish(t.a1, t.community.id, { id: 'wsh_missing', version: 2 }), 1)).toBeNull();
      });

      it('RACE: an update at the version read loses to a claim that landed first', async () => {
        const w = wish(t.a1, t.community.id);
        await store.wishes.insert(w);
        const [claimed, withdrawn] = await Promise.all([
          store.wishes.claim(w.id, 'per_member', 30_000),
          store.wishes.update({ ...w, status: 'withdrawn', updatedAt: 30_000, version: 2 }, 1),
        ]);
        // One of the two changed the wish, never both.
        expect(claimed.ok !== (withdrawn !== null)).toBe(true);
        const stored = await store.wishes.get(w.id);
        expect(stored!.version).toBe(2);
        expect(stored!.status).toBe(claimed.ok ? 'claimed' : 'withdrawn');
      });
    });

    describe('listing', () => {
      it('lists a subtree newest first, by status, with a total whatever the page', async () => {
        const ws = [
          wish(t.a1, t.community.id, { createdAt: 1_000 }),
          wish(t.a2, t.community.id, { createdAt: 3_000, status: 'pending' }),
          wish(t.b1, t.community.id, { createdAt: 2_000 }),
          wish(t.a1, t.community.id, { createdAt: 4_000, status: 'claimed', claimerId: 'per_member' }),
          wish(t.a2, t.community.id, { createdAt: 4_000 }),
        ];
        for (const w of ws) await store.wishes.insert(w);
        const ids = async (q: WishQuery, limit = 100, offset = 0) => {
          const r = await store.wishes.list(q, limit, offset);
          return { ids: r.wishes.map((w) => w.id), total: r.total };
        };
        // Newest first; two at one time by id, descending.
        expect(await ids({ paths: [t.community.path] })).toEqual({ ids: [ws[4].id, ws[3].id, ws[1].id, ws[2].id, ws[0].id], total: 5 });
        expect(await ids({ paths: [t.a.path], statuses: ['open'] })).toEqual({ ids: [ws[4].id, ws[0].id], total: 2 });
        expect(await ids({ paths: [t.a1.path, t.b.path], statuses: ['open', 'claimed'] })).toEqual({ ids: [ws[3].id, ws[2].id, ws[0].id], total: 3 });
        expect(await ids({ paths: [t.community.path], statuses: ['pending'] })).toEqual({ ids: [ws[1].id], total: 1 });
        expect(await ids({ paths: [t.community.path] }, 2, 1)).toEqual({ ids: [ws[3].id, ws[1].id], total: 5 });
        expect(await ids({ paths: [t.community.path] }, 2, 4)).toEqual({ ids: [ws[0].id], total: 5 });
        expect(await ids({ paths: [] })).toEqual({ ids: [], total: 0 });
        expect(await ids({ paths: [t.community.path], statuses: [] })).toEqual({ ids: [], total: 0 });
        // Another compound's subtree holds its own wishes only.
        expect(await ids({ paths: [t.b.path], statuses: ['open'] })).toEqual({ ids: [ws[2].id], total: 1 });
      });

      it('lists the wishes posted by or for a person, and those a person claimed', async () => {
        const own = wish(t.a1, t.community.id, { wisherId: 'per_wang', postedBy: 'per_wang', createdAt: 1_000 });
        const forWang = wish(t.a1, t.community.id, { wisherId: 'per_wang', postedBy: 'per_lead', postedVia: 'lead', createdAt: 2_000 });
        const byLead = wish(t.a2, t.community.id, { wisherId: null, postedBy: 'per_lead', postedVia: 'lead', createdAt: 3_000, status: 'claimed', claimerId: 'per_member' });
        const claimed = wish(t.b1, t.community.id, { wisherId: 'per_li', postedBy: 'per_li', createdAt: 4_000, status: 'fulfilled', claimerId: 'per_member' });
        for (const w of [own, forWang, byLead, claimed]) await store.wishes.insert(w);
        const ids = async (q: WishQuery, limit = 100, offset = 0) => {
          const r = await store.wishes.list(q, limit, offset);
          return { ids: r.wishes.map((w) => w.id), total: r.total };
        };
        expect(await ids({ postedOrWishedBy: 'per_wang' })).toEqual({ ids: [forWang.id, own.id], total: 2 });
        expect(await ids({ postedOrWishedBy: 'per_lead' })).toEqual({ ids: [byLead.id, forWang.id], total: 2 });
        expect(await ids({ postedOrWishedBy: 'per_lead', statuses: ['open'] })).toEqual({ ids: [forWang.id], total: 1 });
        expect(await ids({ postedOrWishedBy: 'per_lead' }, 1, 1)).toEqual({ ids: [forWang.id], total: 2 });
        expect(await ids({ claimerId: 'per_member' })).toEqual({ ids: [claimed.id, byLead.id], total: 2 });
        expect(await ids({ claimerId: 'per_member', statuses: ['fulfilled'] })).toEqual({ ids: [claimed.id], total: 1 });
        expect(await ids({ claimerId: 'per_nobody' })).toEqual({ ids: [], total: 0 });
      });

      it('lists the open wishes past their day, oldest day first, for the expiry job', async () => {
        const ws = [
          wish(t.a1, t.community.id, { byDate: '2026-11-30' }),
          wish(t.a1, t.community.id, { byDate: '2026-11-28' }),
          wish(t.a2, t.community.id, { byDate: '2026-12-01' }), // its day is today: not yet past
          wish(t.b1, t.community.id, { byDate: '2026-11-20', status: 'claimed', claimerId: 'per_member' }),
          wish(t.b1, t.community.id, { byDate: '2026-11-29', status: 'pending' }),
          wish(t.b1, t.community.id, { byDate: '2026-11-29' }),
        ];
        for (const w of ws) await store.wishes.insert(w);
        expect((await store.wishes.listOpenBefore('2026-12-01', 100)).map((w) => w.id)).toEqual([ws[1].id, ws[5].id, ws[0].id]);
        expect((await store.wishes.listOpenBefore('2026-12-01', 2)).map((w) => w.id)).toEqual([ws[1].id, ws[5].id]);
        expect(await store.wishes.listOpenBefore('2026-11-28', 100)).toEqual([]);
      });

      it('lists the fulfilled wishes fulfilled before a time, oldest first, for the auto-confirm job', async () => {
        const fulfilled = (fulfilledAt: number, extra: Partial<Wish> = {}) =>
          wish(t.a1, t.community.id, { status: 'fulfilled', claimerId: 'per_member', claimedAt: 100, fulfilNote: '已送到', fulfilledAt, ...extra });
        const ws = [
          fulfilled(5_000),
          fulfilled(3_000),
          fulfilled(9_000),
          fulfilled(2_000, { status: 'confirmed', confirmedAt: 4_000, confirmedBy: 'per_wisher', points: 5 }),
          wish(t.a2, t.community.id, { status: 'claimed', claimerId: 'per_member' }),
        ];
        for (const w of ws) await store.wishes.insert(w);
        expect(await store.wishes.listFulfilledBefore(9_000, 100)).toEqual([ws[1], ws[0]]);
        expect((await store.wishes.listFulfilledBefore(10_000, 1)).map((w) => w.id)).toEqual([ws[1].id]);
        expect(await store.wishes.listFulfilledBefore(3_000, 100)).toEqual([]);
      });
    });
  });
}
