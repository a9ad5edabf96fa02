import type { Person, Registration, Unit } from '../../../src/core';
import type { Approval, Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
/** A pending registration for `building` by a WeChat user, with a door, unless `extra` says otherwise. */
function registration(building: Unit, extra: Partial<Registration> = {}): Registration {
  return {
    id: `reg_c${String(++n).padStart(6, '0')}`,
    status: 'pending',
    openid: 'o-wang',
    username: null,
    passwordHash: null,
    keyHash: null,
    applicantId: null,
    codeId: 'c_building',
    codePurpose: 'building',
    buildingId: building.id,
    buildingPath: building.path,
    door: { entrance: '2', floor: 5, room: '502' },
    name: '王秀英',
    phone: '13800000001',
    phoneVerified: false,
    personId: null,
    autoApproved: null,
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

/** A web applicant's registration: the phone as username, a chosen password's hash, the browser's key. */
const web = (building: Unit, username: string, extra: Partial<Registration> = {}) =>
  registration(building, { openid: null, username, passwordHash: `scrypt$${username}`, keyHash: `key-${username}`, ...extra });

/** Approving `r` as it was read, binding the resident role with its door on its building. */
function approval(r: Registration, who: Approval['person'], extra: Partial<Approval> = {}): Approval {
  const personId = who.kind === 'new' ? who.person.id : who.personId;
  return {
    registrationId: r.id,
    version: r.version,
    decidedBy: 'per_lead',
    at: 20_000,
    autoApproved: null,
    person: who,
    binding: { id: `bnd_${r.id}`, personId, unitId: r.buildingId, role: 'resident', createdAt: 20_000, createdBy: 'per_lead', door: r.door },
    ...extra,
  };
}

/** The person approving `r` makes, with its openid or web account. */
const newcomer = (r: Registration): Person => person(r.name, { phone: r.phone, openid: r.openid, username: r.username, createdAt: 20_000, updatedAt: 20_000 });

export function registrationsContract(ctx: ContractContext) {
  describe('registrations', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    describe('submitting', () => {
      it('inserts a pending registration and gets it back as made', async () => {
        const r = registration(t.a1);
        expect(await store.registrations.insertPending(r)).toEqual({ registration: r, created: true });
        expect(await store.registrations.get(r.id)).toEqual(r);
        expect(await store.registrations.get('reg_missing')).toBeNull();
      });

      it('answers the pending one to a second submit by the same WeChat user or web key, and writes nothing', async () => {
        const first = registration(t.a1);
        await store.registrations.insertPending(first);
        const again = registration(t.a2, { name: '王秀英（再交）' });
        expect(await store.registrations.insertPending(again)).toEqual({ registration: first, created: false });
        expect(await store.registrations.get(again.id)).toBeNull();

        const w = web(t.a1, '13900000002');
        await store.registrations.insertPending(w);
        const wAgain = web(t.b1, '13900000002');
        expect(await store.registrations.insertPending(wAgain)).toEqual({ registration: w, created: false });
        expect(await store.registrations.listForKeyHash(w.keyHash!)).toEqual([w]);
        // Another applicant is not held up by either.
        expect((await store.registrations.insertPending(registration(t.a1, { openid: 'o-li' }))).created).toBe(true);
      });

      it('RACE: of 10 submits by one WeChat user at once, one registration is pending and every submit answers it', async () => {
        const rs = Array.from({ length: 10 }, (_, i) => registration(t.a1, { createdAt: 10_000 + i }));
        const results = await Promise.all(rs.map((r) => store.registrations.insertPending(r)));
        expect(results.filter((x) => x.created)).toHaveLength(1);
        const winner = results.find((x) => x.created)!.registration;
        for (const x of results) expect(x.registration.id).toBe(winner.id);
        expect((await store.registrations.listForOpenid('o-wang')).map((r) => r.id)).toEqual([winner.id]);
      }, 30_000);

      it('takes a new submit once the pending one is decided, and lists the applicant’s newest first', async () => {
        const first = registration(t.a1, { createdAt: 1_000 });
        await store.registrations.insertPending(first);
        await store.registrations.reject(first.id, 1, 'per_lead', 2_000, '门牌号不对');
        const second = registration(t.a1, { createdAt: 3_000 });
        expect((await store.registrations.insertPending(second)).created).toBe(true);
        expect((await store.registrations.listForOpenid('o-wang')).map((r) => r.id)).toEqual([second.id, first.id]);
        expect(await store.registrations.listForOpenid('o-nobody')).toEqual([]);
      });

      it('lists a registered person’s registrations for other households', async () => {
        const me = person('王秀英', { openid: 'o-wang' });
        await store.people.insert(me, null);
        const older = registration(t.a2, { applicantId: me.id, createdAt: 1_000 });
        await store.registrations.insertPending(older);
        await store.registrations.reject(older.id, 1, 'per_lead', 1_500, '不是这栋楼');
        const newer = registration(t.b1, { applicantId: me.id, createdAt: 2_000 });
        await store.registrations.insertPending(newer);
        expect((await store.registrations.listForApplicant(me.id)).map((r) => r.id)).toEqual([newer.id, older.id]);
        expect(await store.registrations.listForApplicant('per_nobody')).toEqual([]);
      });
    });

    describe('approving', () => {
      it('makes a new person with the openid, binds them as a resident with the door, and decides the registration', async () => {
        const r = registration(t.a1);
        await store.registrations.insertPending(r);
        const p = newcomer(r);
        const res = await store.registrations.approve(approval(r, { kind: 'new', person: p, passwordHash: null }, { autoApproved: 'verified_phone', decidedBy: null }));
        expect(res).toEqual({
          ok: true,
          registration: { ...r, status: 'approved', personId: p.id, autoApproved: 'verified_phone', decidedBy: null, decidedAt: 20_000, updatedAt: 20_000, version: 2 },
        });
        expect(await store.registrations.get(r.id)).toEqual(res.ok && res.registration);
        expect(await store.people.findByOpenid('o-wang')).toMatchObject({ id: p.id, name: '王秀英', phone: '13800000001' });
        expect(await store.bindings.find(p.id, t.a1.id, 'resident')).toMatchObject({ unitId: t.a1.id, door: { entrance: '2', floor: 5, room: '502' } });
        // No longer pending: the same WeChat user may submit again (another household).
        expect((await store.registrations.insertPending(registration(t.b1))).created).toBe(true);
      });

      it('approves once: approving again is a conflict and doubles nothing', async () => {
        const r = registration(t.a1);
        await store.registrations.insertPending(r);
        const p = newcomer(r);
        expect((await store.registrations.approve(approval(r, { kind: 'new', person: p, passwordHash: null }))).ok).toBe(true);
        expect(await store.registrations.approve(approval(r, { kind: 'new', person: newcomer(r), passwordHash: null }))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.registrations.approve(approval(r, { kind: 'existing', personId: p.id }))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.people.count()).toBe(1);
        expect(await store.bindings.listForPerson(p.id)).toHaveLength(1);
        expect(await store.registrations.get(r.id)).toMatchObject({ status: 'approved', version: 2 });
      });

      it('refuses a stale version and writes nothing', async () => {
        const r = registration(t.a1);
        await store.registrations.insertPending(r);
        const stale = { ...r, version: 0 };
        expect(await store.registrations.approve(approval(stale, { kind: 'new', person: newcomer(r), passwordHash: null }))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.registrations.approve(approval(registration(t.a1, { id: 'reg_missing', openid: 'o-x' }), { kind: 'new', person: newcomer(r), passwordHash: null }))).toEqual({
          ok: false,
          reason: 'conflict',
        });
        expect(await store.people.count()).toBe(0);
        expect(await store.bindings.listForUnit(t.a1.id)).toEqual([]);
        expect(await store.registrations.get(r.id)).toEqual(r);
      });

      it('claims an imported resident nobody signs in as: the openid goes on them', async () => {
        const imported = person('王秀英', { phone: '13800000001' });
        await store.people.insert(imported, null);
        const r = registration(t.a1, { personId: imported.id, phoneVerified: true });
        await store.registrations.insertPending(r);
        const res = await store.registrations.approve(approval(r, { kind: 'claim', personId: imported.id }, { at: 30_000 }));
        expect(res).toMatchObject({ ok: true, registration: { status: 'approved', personId: imported.id, version: 2 } });
        expect(await store.people.get(imported.id)).toMatchObject({ openid: 'o-wang', username: null, version: 2, updatedAt: 30_000 });
        expect(await store.people.findByOpenid('o-wang')).toMatchObject({ id: imported.id });
        expect(await store.bindings.find(imported.id, t.a1.id, 'resident')).toMatchObject({ door: r.door });
        expect(await store.people.count()).toBe(1);
      });

      it('RACE: of two registrations claiming one imported resident at once, one wins and the other stays pending', async () => {
        const imported = person('王秀英', { phone: '13800000001' });
        await store.people.insert(imported, null);
        const mine = registration(t.a1, { openid: 'o-wang', personId: imported.id });
        const theirs = registration(t.a1, { openid: 'o-impostor', personId: imported.id });
        for (const r of [mine, theirs]) await store.registrations.insertPending(r);
        const results = await Promise.all([mine, theirs].map((r) => store.registrations.approve(approval(r, { kind: 'claim', personId: imported.id }))));
        const won = results.filter((x) => x.ok);
        expect(won).toHaveLength(1);
        expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, reason: 'taken' }]);
        const winner = won[0].ok ? won[0].registration : null;
        const loser = winner!.id === mine.id ? theirs : mine;
        expect(await store.people.get(imported.id)).toMatchObject({ openid: winner!.openid, version: 2 });
        expect(await store.registrations.get(loser.id)).toEqual(loser);
        expect(await store.bindings.listForPerson(imported.id)).toHaveLength(1);
        expect(await store.people.findByOpenid(loser.openid!)).toBeNull();
      }, 30_000);

      it('refuses to claim a person someone signs in as already', async () => {
        const taken = person('王秀英', { openid: 'o-earlier' });
        await store.people.insert(taken, null);
        const r = registration(t.a1, { personId: taken.id });
        await store.registrations.insertPending(r);
        expect(await store.registrations.approve(approval(r, { kind: 'claim', personId: taken.id }))).toEqual({ ok: false, reason: 'taken' });
        expect(await store.people.get(taken.id)).toMatchObject({ openid: 'o-earlier', version: 1 });
        expect(await store.registrations.get(r.id)).toEqual(r);
        expect(await store.bindings.listForPerson(taken.id)).toEqual([]);
      });

      it('refuses a new person whose openid or username is taken, and writes nothing', async () => {
        await store.people.insert(person('别人', { openid: 'o-wang', username: '13900000002' }), null);
        const r = registration(t.a1);
        await store.registrations.insertPending(r);
        const p = newcomer(r);
        expect(await store.registrations.approve(approval(r, { kind: 'new', person: p, passwordHash: null }))).toEqual({ ok: false, reason: 'login_taken' });
        const w = web(t.a1, '13900000002');
        await store.registrations.insertPending(w);
        expect(await store.registrations.approve(approval(w, { kind: 'new', person: newcomer(w), passwordHash: w.passwordHash }))).toEqual({ ok: false, reason: 'login_taken' });
        expect(await store.people.count()).toBe(1);
        expect(await store.people.get(p.id)).toBeNull();
        expect(await store.bindings.listForUnit(t.a1.id)).toEqual([]);
        expect(await store.registrations.get(r.id)).toEqual(r);
        expect(await store.registrations.get(w.id)).toEqual(w);
      });

      it('refuses a claim by a WeChat user who is someone else already', async () => {
        await store.people.insert(person('别人', { openid: 'o-wang' }), null);
        const imported = person('王秀英');
        await store.people.insert(imported, null);
        const r = registration(t.a1, { personId: imported.id });
        await store.registrations.insertPending(r);
        expect(await store.registrations.approve(approval(r, { kind: 'claim', personId: imported.id }))).toEqual({ ok: false, reason: 'login_taken' });
        expect(await store.people.get(imported.id)).toMatchObject({ openid: null, version: 1 });
        expect(await store.registrations.get(r.id)).toEqual(r);
      });

      it('binds a registered person to another household without making a new person', async () => {
        const me = person('王秀英', { openid: 'o-wang' });
        await store.people.insert(me, null);
        await store.bindings.insert(binding(me, t.a1, 'resident', { door: { entrance: '1', floor: 1, room: '101' } }));
        const r = registration(t.b1, { applicantId: me.id, personId: me.id });
        await store.registrations.insertPending(r);
        expect(await store.registrations.approve(approval(r, { kind: 'existing', personId: me.id }))).toMatchObject({ ok: true, registration: { personId: me.id } });
        expect(await store.people.count()).toBe(1);
        const bound = await store.bindings.listForPerson(me.id);
        expect(bound.map((b) => [b.unitId, b.door?.room])).toEqual([
          [t.a1.id, '101'],
          [t.b1.id, '502'],
        ]);
      });

      it('gives a resident binding that had no door the registration’s door, and adds no second binding', async () => {
        const me = person('王秀英', { openid: 'o-wang' });
        await store.people.insert(me, null);
        const imported = binding(me, t.a1, 'resident');
        await store.bindings.insert(imported);
        const r = registration(t.a1, { applicantId: me.id, personId: me.id });
        await store.registrations.insertPending(r);
        expect((await store.registrations.approve(approval(r, { kind: 'existing', personId: me.id }))).ok).toBe(true);
        expect(await store.bindings.listForPerson(me.id)).toEqual([{ ...imported, door: r.door }]);
      });

      it('puts a web applicant’s username and password hash on the person they claim', async () => {
        const imported = person('李建国', { phone: '13900000002' });
        await store.people.insert(imported, null);
        const w = web(t.a1, '13900000002', { personId: imported.id });
        await store.registrations.insertPending(w);
        const res = await store.registrations.approve(approval(w, { kind: 'claim', personId: imported.id }));
        expect(res).toMatchObject({ ok: true, registration: { status: 'approved', personId: imported.id, passwordHash: null } });
        expect(await store.people.findByUsername('13900000002')).toMatchObject({ id: imported.id, openid: null, version: 2 });
        expect(await store.people.passwordHash(imported.id)).toBe('scrypt$13900000002');
        expect(JSON.stringify(await store.registrations.get(w.id))).not.toContain('scrypt');
      });

      it('makes a web applicant a new person with their username and password hash', async () => {
        const w = web(t.a1, '13900000003');
        await store.registrations.insertPending(w);
        const p = newcomer(w);
        expect((await store.registrations.approve(approval(w, { kind: 'new', person: p, passwordHash: w.passwordHash }))).ok).toBe(true);
        expect(await store.people.findByUsername('13900000003')).toMatchObject({ id: p.id });
        expect(await store.people.passwordHash(p.id)).toBe('scrypt$13900000003');
        // The browser's key is free for another registration.
        expect((await store.registrations.insertPending(web(t.a2, '13900000003'))).created).toBe(true);
      });
    });

    describe('rejecting', () => {
      it('rejects only while pending at the version read, with a reason the applicant reads', async () => {
        const r = registration(t.a1);
        await store.registrations.insertPending(r);
        expect(await store.registrations.reject(r.id, 2, 'per_lead', 20_000, '门牌号不对')).toBeNull();
        const rejected = { ...r, status: 'rejected' as const, decidedBy: 'per_lead', decidedAt: 20_000, rejectReason: '门牌号不对', updatedAt: 20_000, version: 2 };
        expect(await store.registrations.reject(r.id, 1, 'per_lead', 20_000, '门牌号不对')).toEqual(rejected);
        expect(await store.registrations.get(r.id)).toEqual(rejected);
        expect(await store.registrations.reject(r.id, 2, 'per_lead', 21_000, '又一次')).toBeNull();
        expect(await store.registrations.approve(approval(rejected, { kind: 'new', person: newcomer(r), passwordHash: null }))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.registrations.reject('reg_missing', 1, 'per_lead', 20_000, '无')).toBeNull();
        expect(await store.people.count()).toBe(0);
      });

      it('lists an applicant’s rejected registrations by openid or web username, newest first', async () => {
        const decide = async (r: Registration, status: 'approved' | 'rejected') => {
          await store.registrations.insertPending(r);
          if (status === 'rejected') await store.registrations.reject(r.id, 1, 'per_lead', r.createdAt + 1, `理由${r.createdAt}`);
          else await store.registrations.approve(approval(r, { kind: 'new', person: newcomer(r), passwordHash: r.passwordHash }));
        };
        const old = registration(t.a1, { createdAt: 1_000 });
        const newer = registration(t.a2, { createdAt: 2_000 });
        const viaWeb = web(t.a1, '13900000004', { createdAt: 3_000 });
        await decide(old, 'rejected');
        await decide(newer, 'rejected');
        await decide(viaWeb, 'rejected');
        await decide(registration(t.b1, { openid: 'o-other', createdAt: 4_000 }), 'rejected');
        await decide(registration(t.b1, { createdAt: 5_000 }), 'approved');
        await store.registrations.insertPending(registration(t.b1, { createdAt: 6_000 }));
        const ids = async (a: { openid: string | null; username: string | null }, limit = 10) => (await store.registrations.listRejectedFor(a, limit)).map((r) => r.id);
        expect(await ids({ openid: 'o-wang', username: null })).toEqual([newer.id, old.id]);
        expect(await ids({ openid: 'o-wang', username: '13900000004' })).toEqual([viaWeb.id, newer.id, old.id]);
        expect(await ids({ openid: 'o-wang', username: '13900000004' }, 2)).toEqual([viaWeb.id, newer.id]);
        expect(await ids({ openid: null, username: '13900000004' })).toEqual([viaWeb.id]);
        expect(await ids({ openid: null, username: null })).toEqual([]);
        expect(await store.registrations.get(newer.id)).toMatchObject({ rejectReason: '理由2000', passwordHash: null });
      });
    });

    describe('the approval queue', () => {
      it('lists pending registrations under the given paths, oldest first, at most the limit', async () => {
        const inA1 = registration(t.a1, { openid: 'o-1', createdAt: 3_000 });
        const inA2 = registration(t.a2, { openid: 'o-2', createdAt: 1_000 });
        const inB1 = registration(t.b1, { openid: 'o-3', createdAt: 2_000 });
        const decided = registration(t.a1, { openid: 'o-4', createdAt: 500 });
        for (const r of [inA1, inA2, inB1, decided]) await store.registrations.insertPending(r);
        await store.registrations.reject(decided.id, 1, 'per_lead', 600, '重复');
        const ids = async (paths: string[], limit = 10) => (await store.registrations.listPending(paths, limit)).map((r) => r.id);
        expect(await ids([t.a.path])).toEqual([inA2.id, inA1.id]);
        expect(await ids([t.a1.path])).toEqual([inA1.id]);
        expect(await ids([t.b.path])).toEqual([inB1.id]);
        expect(await ids([t.community.path])).toEqual([inA2.id, inB1.id, inA1.id]);
        expect(await ids([t.a1.path, t.b1.path])).toEqual([inB1.id, inA1.id]);
        expect(await ids([t.community.path], 2)).toEqual([inA2.id, inB1.id]);
        expect(await ids([])).toEqual([]);
      });
    });

    describe('unbinding a WeChat user', () => {
      it('takes the openid off the person, once, and frees it for someone else', async () => {
        const p = person('王秀英', { openid: 'o-wang', username: 'wang' });
        await store.people.insert(p, 'scrypt$hash');
        expect(await store.people.clearOpenid(p.id, 40_000)).toMatchObject({ id: p.id, openid: null, username: 'wang', version: 2, updatedAt: 40_000 });
        expect(await store.people.get(p.id)).toMatchObject({ openid: null, version: 2 });
        expect(await store.people.passwordHash(p.id)).toBe('scrypt$hash');
        expect(await store.people.findByOpenid('o-wang')).toBeNull();
        expect(await store.people.clearOpenid(p.id, 41_000)).toBeNull();
        expect(await store.people.clearOpenid('per_missing', 41_000)).toBeNull();
        const next = person('新主人', { openid: 'o-wang' });
        await store.people.insert(next, null);
        expect(await store.people.findByOpenid('o-wang')).toMatchObject({ id: next.id });
      });
    });
  });
}
