import type { Code, Unit } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { person, unit } from '../../support/factories';
import type { ContractContext } from './context';

let n = 0;
/** A code on `u`: a building code with no window and no limit unless `extra` says otherwise. */
function code(u: Unit, extra: Partial<Code> = {}): Code {
  return {
    id: `c${String(++n).padStart(11, '0')}`,
    purpose: 'building',
    unitId: u.id,
    unitPath: u.path,
    personId: null,
    label: null,
    validFrom: null,
    validUntil: null,
    useLimit: null,
    uses: 0,
    scans: 0,
    createdBy: 'per_maker',
    createdAt: 10_000,
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    image: null,
    ...extra,
  };
}

export function codesContract(ctx: ContractContext) {
  describe('codes', () => {
    let store: Store;
    let building: Unit;
    let compound: Unit;
    beforeEach(async () => {
      store = ctx.store();
      const street = unit(null, 'street', '街道');
      const community = unit(street, 'community', '社区');
      compound = unit(community, 'compound', '小区');
      building = unit(compound, 'building', '1号楼');
      for (const u of [street, community, compound, building]) await store.units.insert(u);
    });

    describe('making and listing', () => {
      it('inserts a code and gets it back as made', async () => {
        const c = code(building, { label: '一单元门口', validFrom: 5_000, validUntil: 90_000, useLimit: 3 });
        await store.codes.insert(c);
        expect(await store.codes.get(c.id)).toEqual(c);
        expect(await store.codes.get('c_missing')).toBeNull();
      });

      it('refuses a second code with a taken id and keeps the first', async () => {
        const c = code(building, { label: '第一个' });
        await store.codes.insert(c);
        await expect(store.codes.insert({ ...c, label: '第二个' })).rejects.toBeDefined();
        expect(await store.codes.get(c.id)).toEqual(c);
      });

      it('lists a unit’s codes newest first, revoked ones too, filtered by purpose and limited', async () => {
        const old = code(building, { createdAt: 1_000 });
        const personal = code(building, { purpose: 'personal', createdAt: 2_000, useLimit: 1 });
        const newest = code(building, { createdAt: 3_000, revokedAt: 3_500, revokedBy: 'per_maker', revokeReason: '换新' });
        const elsewhere = code(compound, { purpose: 'member', createdAt: 4_000 });
        for (const c of [personal, old, elsewhere, newest]) await store.codes.insert(c);
        expect((await store.codes.listForUnit(building.id)).map((c) => c.id)).toEqual([newest.id, personal.id, old.id]);
        expect((await store.codes.listForUnit(building.id, { purposes: ['building'] })).map((c) => c.id)).toEqual([newest.id, old.id]);
        expect((await store.codes.listForUnit(building.id, { purposes: ['personal', 'building'], limit: 2 })).map((c) => c.id)).toEqual([newest.id, personal.id]);
        expect(await store.codes.listForUnit(building.id, { purposes: ['member'] })).toEqual([]);
        expect(await store.codes.listForUnit(compound.id)).toEqual([elsewhere]);
        expect(await store.codes.listForUnit('unit_missing')).toEqual([]);
      });

      it('lists a person’s personal codes newest first', async () => {
        const p = person('张阿姨');
        const q = person('李大爷');
        for (const x of [p, q]) await store.people.insert(x, null);
        const first = code(building, { purpose: 'personal', personId: p.id, createdAt: 1_000, useLimit: 1 });
        const second = code(building, { purpose: 'personal', personId: p.id, createdAt: 2_000, useLimit: 1 });
        const theirs = code(building, { purpose: 'personal', personId: q.id, createdAt: 3_000, useLimit: 1 });
        for (const c of [first, theirs, second, code(building)]) await store.codes.insert(c);
        expect((await store.codes.listForPerson(p.id)).map((c) => c.id)).toEqual([second.id, first.id]);
        expect(await store.codes.listForPerson(q.id)).toEqual([theirs]);
      });
    });

    describe('use', () => {
      it('takes a use within the window and answers the code after it', async () => {
        const c = code(building, { validFrom: 5_000, validUntil: 9_000, useLimit: 2 });
        await store.codes.insert(c);
        expect(await store.codes.use(c.id, 5_000)).toEqual({ ok: true, code: { ...c, uses: 1 } });
        expect(await store.codes.use(c.id, 8_999)).toEqual({ ok: true, code: { ...c, uses: 2 } });
        expect((await store.codes.get(c.id))!.uses).toBe(2);
      });

      it('takes any number of uses of a code without a limit or a window', async () => {
        const c = code(building);
        await store.codes.insert(c);
        for (let i = 1; i <= 5; i++) expect(await store.codes.use(c.id, 1)).toMatchObject({ ok: true, code: { uses: i } });
      });

      it('refuses, without writing, a code not yet valid, expired (the end is exclusive), revoked, used up or missing', async () => {
        const window = code(building, { validFrom: 5_000, validUntil: 9_000 });
        const revoked = code(building, { revokedAt: 2_000, revokedBy: 'per_maker', revokeReason: '丢了' });
        const usedUp = code(building, { useLimit: 2, uses: 2 });
        for (const c of [window, revoked, usedUp]) await store.codes.insert(c);
        expect(await store.codes.use(window.id, 4_999)).toEqual({ ok: false, reason: 'not_yet_valid' });
        expect(await store.codes.use(window.id, 9_000)).toEqual({ ok: false, reason: 'expired' });
        expect(await store.codes.use(revoked.id, 6_000)).toEqual({ ok: false, reason: 'revoked' });
        expect(await store.codes.use(usedUp.id, 6_000)).toEqual({ ok: false, reason: 'used_up' });
        expect(await store.codes.use('c_missing', 6_000)).toEqual({ ok: false, reason: 'not_found' });
        for (const c of [window, revoked, usedUp]) expect(await store.codes.get(c.id)).toEqual(c);
        expect(await store.codes.get('c_missing')).toBeNull();
      });

      it('answers revoked before any other reason', async () => {
        const c = code(building, { validUntil: 3_000, useLimit: 1, uses: 1, revokedAt: 2_000, revokedBy: 'per_maker', revokeReason: '作废' });
        await store.codes.insert(c);
        expect(await store.codes.use(c.id, 5_000)).toEqual({ ok: false, reason: 'revoked' });
      });

      it('lets exactly its limit of 100 concurrent uses succeed', async () => {
        const c = code(building, { useLimit: 10, validUntil: 1_000_000 });
        await store.codes.insert(c);
        const answers = await Promise.all(Array.from({ length: 100 }, () => store.codes.use(c.id, 5_000)));
        const ok = answers.filter((a) => a.ok);
        expect(ok).toHaveLength(10);
        expect(answers.filter((a) => !a.ok && a.reason === 'used_up')).toHaveLength(90);
        for (const a of ok) expect(a.ok && a.code.uses >= 1 && a.code.uses <= 10).toBe(true);
        expect((await store.codes.get(c.id))!.uses).toBe(10);
      }, 60_000);
    });

    describe('giveBack', () => {
      it('gives a use back once and never goes below zero', async () => {
        const c = code(building, { useLimit: 1 });
        await store.codes.insert(c);
        expect(await store.codes.giveBack(c.id)).toBe(false);
        expect(await store.codes.use(c.id, 1)).toMatchObject({ ok: true });
        expect(await store.codes.giveBack(c.id)).toBe(true);
        expect(await store.codes.giveBack(c.id)).toBe(false);
        expect((await store.codes.get(c.id))!.uses).toBe(0);
        expect(await store.codes.giveBack('c_missing')).toBe(false);
      });

      it('lets one more use succeed on a used-up code after a give-back', async () => {
        const c = code(building, { useLimit: 2 });
        await store.codes.insert(c);
        await store.codes.use(c.id, 1);
        await store.codes.use(c.id, 1);
        expect(await store.codes.use(c.id, 1)).toEqual({ ok: false, reason: 'used_up' });
        expect(await store.codes.giveBack(c.id)).toBe(true);
        expect(await store.codes.use(c.id, 1)).toMatchObject({ ok: true, code: { uses: 2 } });
        expect(await store.codes.use(c.id, 1)).toEqual({ ok: false, reason: 'used_up' });
      });

      it('gives back each of many concurrent give-backs at most once per use taken', async () => {
        const c = code(building, { uses: 5 });
        await store.codes.insert(c);
        const given = await Promise.all(Array.from({ length: 12 }, () => store.codes.giveBack(c.id)));
        expect(given.filter(Boolean)).toHaveLength(5);
        expect((await store.codes.get(c.id))!.uses).toBe(0);
      });
    });

    describe('revoke', () => {
      it('revokes once: the second answers null and keeps the first revocation', async () => {
        const c = code(building);
        await store.codes.insert(c);
        const revoked = await store.codes.revoke(c.id, 7_000, 'per_maker', '海报被撕了');
        expect(revoked).toEqual({ ...c, revokedAt: 7_000, revokedBy: 'per_maker', revokeReason: '海报被撕了' });
        expect(await store.codes.revoke(c.id, 8_000, 'per_other', '再作废')).toBeNull();
        expect(await store.codes.get(c.id)).toEqual(revoked);
        expect(await store.codes.revoke('c_missing', 8_000, 'per_maker', '无')).toBeNull();
        expect(await store.codes.use(c.id, 9_000)).toEqual({ ok: false, reason: 'revoked' });
      });

      it('lets one of several concurrent revokes win', async () => {
        const c = code(building);
        await store.codes.insert(c);
        const answers = await Promise.all(['甲', '乙', '丙', '丁'].map((why, i) => store.codes.revoke(c.id, 7_000 + i, `per_${i}`, why)));
        const won = answers.filter((a): a is Code => a !== null);
        expect(won).toHaveLength(1);
        expect(await store.codes.get(c.id)).toEqual(won[0]);
      });
    });

    describe('setImage', () => {
      it('records the first image and keeps it', async () => {
        const c = code(building);
        await store.codes.insert(c);
        expect(await store.codes.setImage(c.id, 'codes/a.png')).toBe('codes/a.png');
        expect(await store.codes.setImage(c.id, 'codes/b.png')).toBe('codes/a.png');
        expect((await store.codes.get(c.id))!.image).toBe('codes/a.png');
        expect(await store.codes.setImage('c_missing', 'codes/c.png')).toBeNull();
      });

      it('answers every concurrent caller the same, stored image', async () => {
        const c = code(building);
        await store.codes.insert(c);
        const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => store.codes.setImage(c.id, `codes/${i}.png`)));
        const stored = (await store.codes.get(c.id))!.image;
        expect(stored).toMatch(/^codes\/\d\.png$/);
        expect(answers).toEqual(answers.map(() => stored));
      });
    });

    describe('countScan', () => {
      it('counts every one of 20 concurrent scans and touches nothing else', async () => {
        const c = code(building, { useLimit: 1 });
        await store.codes.insert(c);
        await Promise.all(Array.from({ length: 20 }, () => store.codes.countScan(c.id)));
        expect(await store.codes.get(c.id)).toEqual({ ...c, scans: 20 });
        await store.codes.countScan('c_missing');
        expect(await store.codes.get('c_missing')).toBeNull();
      });
    });
  });
}
