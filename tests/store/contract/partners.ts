import type { Partner, PartnerMember, Resource } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { partner, resource } from '../../support/factories';
import type { ContractContext } from './context';

const C1 = 'unit_c1';
const C2 = 'unit_c2';

const link = (partnerId: string, personId: string, extra: Partial<PartnerMember> = {}): PartnerMember => ({
  partnerId,
  personId,
  checkinId: `chk_${personId}`,
  linkedBy: 'per_staff',
  linkedAt: 40_000,
  ...extra,
});

export function partnersContract(ctx: ContractContext) {
  describe('partners', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    describe('partners', () => {
      it('inserts a partner and gets it back whole; a retried create answers the first and writes nothing', async () => {
        const p = partner([C1, C2], { contact: { name: '李主任', phone: '13900000000', personId: 'per_li' }, agreement: { signedOn: '2026-03-01', terms: '场地共享', until: '2027-02-28' } });
        expect(await store.partners.insert(p)).toEqual({ partner: p, created: true });
        expect(await store.partners.get(p.id)).toEqual(p);
        const retry = { ...p, id: 'ptn_retry', name: '又写了一遍', createdAt: 99_999 };
        expect(await store.partners.insert(retry)).toEqual({ partner: p, created: false });
        expect(await store.partners.get('ptn_retry')).toBeNull();
        // The same request id from another creator is another partner.
        const other = { ...retry, id: 'ptn_other', createdBy: 'per_staff2' };
        expect(await store.partners.insert(other)).toEqual({ partner: other, created: true });
        expect(await store.partners.get('ptn_missing')).toBeNull();
      });

      it('RACE: of 20 retries of one create at once, one partner is written and every retry answers it', async () => {
        const first = partner([C1]);
        const racers = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `ptn_race${String(i).padStart(2, '0')}`, createdAt: 20_000 + i }));
        const results = await Promise.all(racers.map((p) => store.partners.insert(p)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.partner;
        for (const r of results) expect(r.partner).toEqual(winner);
        expect(await store.partners.forCommunity(C1, true)).toEqual([winner]);
      }, 60_000);

      it('writes the whole partner at the version read, its communities replaced, its identity kept; a stale version writes nothing', async () => {
        const p = partner([C1, C2]);
        await store.partners.insert(p);
        const next: Partner = {
          ...p,
          name: '市第一人民医院',
          contact: { name: '王护士长', phone: '13700000000', personId: 'per_wang' },
          communityIds: [C2],
          agreement: { signedOn: '2026-04-01', terms: '义诊', until: null },
          updatedAt: 11_000,
          version: 2,
        };
        // The identity stays as inserted whatever the caller sends.
        expect(await store.partners.update({ ...next, createdBy: 'per_x', clientRequestId: 'req-x', createdAt: 1 }, 1)).toEqual(next);
        expect(await store.partners.get(p.id)).toEqual(next);
        expect(await store.partners.update({ ...p, version: 2 }, 1)).toBeNull();
        expect(await store.partners.get(p.id)).toEqual(next);
        expect(await store.partners.forCommunity(C1, true)).toEqual([]);
        expect(await store.partners.forCommunity(C2, true)).toEqual([next]);
        expect(await store.partners.contactOf('per_wang')).toEqual([next]);
        expect(await store.partners.update(partner([C1], { id: 'ptn_missing', version: 2 }), 1)).toBeNull();
      });

      it('RACE: of two updates at one version at once, one writes', async () => {
        const p = partner([C1]);
        await store.partners.insert(p);
        const [a, b] = await Promise.all([
          store.partners.update({ ...p, name: '甲', version: 2 }, 1),
          store.partners.update({ ...p, name: '乙', version: 2 }, 1),
        ]);
        expect([a, b].filter((r) => r !== null)).toHaveLength(1);
        expect(await store.partners.get(p.id)).toEqual(a ?? b);
      });

      it("lists a community's partners by name, archived ones only when asked; a contact's live partners; a name among any", async () => {
        const b = partner([C1, C2], { name: '乙医院', contact: { name: '甲', phone: '1', personId: 'per_contact' } });
        const a = partner([C1], { name: '甲学校', contact: { name: '甲', phone: '1', personId: 'per_contact' } });
        const old = partner([C1], { name: '丙企业', archived: true, contact: { name: '甲', phone: '1', personId: 'per_contact' } });
        const elsewhere = partner([C2], { name: '丁机关' });
        for (const p of [b, a, old, elsewhere]) await store.partners.insert(p);
        const names = (ps: Partner[]) => ps.map((p) => p.name);
        const byName = (ps: Partner[]) => [...ps].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
        expect(await store.partners.forCommunity(C1, false)).toEqual(byName([b, a]));
        expect(names(await store.partners.forCommunity(C1, true))).toEqual(names(byName([b, a, old])));
        expect(names(await store.partners.forCommunity(C2, false))).toEqual(names(byName([b, elsewhere])));
        expect(await store.partners.forCommunity('unit_none', true)).toEqual([]);
        expect(await store.partners.contactOf('per_contact')).toEqual(byName([b, a]));
        expect(await store.partners.contactOf('per_nobody')).toEqual([]);
        expect(await store.partners.byName('丙企业')).toEqual(old);
        expect(await store.partners.byName('乙医院')).toEqual(b);
        expect(await store.partners.byName('没有这家')).toBeNull();
      });
    });

    describe('member links', () => {
      it('links a person to one partner: the same link again answers it, another partner is refused with the link held', async () => {
        const p = partner([C1]);
        const q = partner([C1]);
        for (const x of [p, q]) await store.partners.insert(x);
        const l = link(p.id, 'per_m1');
        expect(await store.partners.linkMember(l)).toEqual({ ok: true, link: l });
        expect(await store.partners.linkMember({ ...l, linkedAt: 41_000, linkedBy: 'per_other' })).toEqual({ ok: true, link: l });
        expect(await store.partners.linkMember(link(q.id, 'per_m1'))).toEqual({ ok: false, reason: 'elsewhere', existing: l });
        expect(await store.partners.memberLink('per_m1')).toEqual(l);
        expect(await store.partners.memberLink('per_nobody')).toBeNull();
        expect(await store.partners.members(q.id)).toEqual([]);
      });

      it("lists a partner's members oldest link first, counts them per partner, and unlinks", async () => {
        const p = partner([C1]);
        const q = partner([C1]);
        for (const x of [p, q]) await store.partners.insert(x);
        const links = [link(p.id, 'per_b', { linkedAt: 42_000 }), link(p.id, 'per_a', { linkedAt: 41_000 }), link(p.id, 'per_c', { linkedAt: 42_000 }), link(q.id, 'per_d')];
        for (const l of links) await store.partners.linkMember(l);
        expect(await store.partners.members(p.id)).toEqual([links[1], links[0], links[2]]);
        expect(await store.partners.memberCounts([p.id, q.id, 'ptn_none'])).toEqual(new Map([[p.id, 3], [q.id, 1]]));
        expect(await store.partners.memberCounts([])).toEqual(new Map());
        // Only the person's link to that partner ends.
        expect(await store.partners.unlinkMember(q.id, 'per_a')).toBe(false);
        expect(await store.partners.unlinkMember(p.id, 'per_a')).toBe(true);
        expect(await store.partners.unlinkMember(p.id, 'per_a')).toBe(false);
        expect(await store.partners.memberLink('per_a')).toBeNull();
        expect(await store.partners.members(p.id)).toEqual([links[0], links[2]]);
        // Unlinked, the person may be linked elsewhere.
        const moved = link(q.id, 'per_a', { linkedAt: 43_000 });
        expect(await store.partners.linkMember(moved)).toEqual({ ok: true, link: moved });
        expect(await store.partners.memberCounts([p.id, q.id])).toEqual(new Map([[p.id, 2], [q.id, 2]]));
      });

      it('RACE: of 20 links of one person to 20 partners at once, one is written and the others name it', async () => {
        const ps = Array.from({ length: 20 }, () => partner([C1]));
        for (const p of ps) await store.partners.insert(p);
        const results = await Promise.all(ps.map((p, i) => store.partners.linkMember(link(p.id, 'per_busy', { linkedAt: 50_000 + i }))));
        const won = results.filter((r) => r.ok);
        expect(won).toHaveLength(1);
        const held = await store.partners.memberLink('per_busy');
        expect(won[0]).toEqual({ ok: true, link: held });
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'elsewhere', existing: held });
        const counts = await store.partners.memberCounts(ps.map((p) => p.id));
        expect([...counts.values()]).toEqual([1]);
      }, 60_000);
    });

    describe('resources', () => {
      it('inserts a resource and gets it back; a retried offer answers the first and writes nothing', async () => {
        const r = resource('ptn_a');
        expect(await store.partners.insertResource(r)).toEqual({ resource: r, created: true });
        expect(await store.partners.getResource(r.id)).toEqual(r);
        expect(await store.partners.insertResource({ ...r, id: 'res_retry', title: '再来一次' })).toEqual({ resource: r, created: false });
        expect(await store.partners.getResource('res_retry')).toBeNull();
        expect(await store.partners.getResource('res_missing')).toBeNull();
      });

      it('RACE: of 20 retries of one offer at once, one resource is written', async () => {
        const first = resource('ptn_a');
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.partners.insertResource({ ...first, id: `res_race${i}` })));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.resource;
        for (const r of results) expect(r.resource).toEqual(winner);
        expect(await store.partners.resources(['ptn_a'], null, 100, 0)).toEqual({ resources: [winner], total: 1 });
      }, 60_000);

      it('writes a resource at the version read, its identity kept; two at one version: one writes', async () => {
        const r = resource('ptn_a');
        await store.partners.insertResource(r);
        const next: Resource = { ...r, title: '会议室', amount: '80 平方米', status: 'withdrawn', updatedAt: 12_000, version: 2 };
        expect(await store.partners.updateResource({ ...next, partnerId: 'ptn_x', createdBy: 'per_x', createdAt: 1 }, 1)).toEqual(next);
        expect(await store.partners.updateResource({ ...r, version: 2 }, 1)).toBeNull();
        expect(await store.partners.getResource(r.id)).toEqual(next);
        const [a, b] = await Promise.all([
          store.partners.updateResource({ ...next, title: '甲', version: 3 }, 2),
          store.partners.updateResource({ ...next, title: '乙', version: 3 }, 2),
        ]);
        expect([a, b].filter((x) => x !== null)).toHaveLength(1);
        expect(await store.partners.getResource(r.id)).toEqual(a ?? b);
        expect(await store.partners.updateResource(resource('ptn_a', { id: 'res_missing', version: 2 }), 1)).toBeNull();
      });

      it("lists some partners' resources newest first, of a status, with a total whatever the page", async () => {
        const rs = [
          resource('ptn_a', { createdAt: 1_000 }),
          resource('ptn_b', { createdAt: 3_000 }),
          resource('ptn_a', { createdAt: 2_000, status: 'withdrawn' }),
          resource('ptn_c', { createdAt: 4_000 }),
          resource('ptn_b', { createdAt: 3_000 }),
        ];
        for (const r of rs) await store.partners.insertResource(r);
        const ids = async (partnerIds: string[], status: 'offered' | 'withdrawn' | null, limit = 100, offset = 0) => {
          const got = await store.partners.resources(partnerIds, status, limit, offset);
          return { ids: got.resources.map((r) => r.id), total: got.total };
        };
        // Newest first; two at one time by id, descending.
        expect(await ids(['ptn_a', 'ptn_b'], null)).toEqual({ ids: [rs[4].id, rs[1].id, rs[2].id, rs[0].id], total: 4 });
        expect(await ids(['ptn_a', 'ptn_b'], 'offered')).toEqual({ ids: [rs[4].id, rs[1].id, rs[0].id], total: 3 });
        expect(await ids(['ptn_a'], 'withdrawn')).toEqual({ ids: [rs[2].id], total: 1 });
        expect(await ids(['ptn_a', 'ptn_b', 'ptn_c'], null, 2, 1)).toEqual({ ids: [rs[4].id, rs[1].id], total: 5 });
        expect(await ids(['ptn_a', 'ptn_b', 'ptn_c'], null, 0, 0)).toEqual({ ids: [], total: 5 });
        expect(await ids([], null)).toEqual({ ids: [], total: 0 });
      });
    });
  });
}
