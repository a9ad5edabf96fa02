import { LEFT_PERSON_NAME, checkinTransition, hasLeft, type Checkin, type Registration, type Unit } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
function registration(building: Unit, extra: Partial<Registration> = {}): Registration {
  return {
    id: `reg_l${String(++n).padStart(6, '0')}`,
    status: 'pending',
    openid: 'o-leaver',
    username: null,
    passwordHash: null,
    keyHash: null,
    applicantId: null,
    codeId: 'c_building',
    codePurpose: 'building',
    buildingId: building.id,
    buildingPath: building.path,
    door: { entrance: '2', floor: 5, room: '502' },
    name: '郑离开',
    phone: '13800000099',
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

function checkin(unit: Unit, extra: Partial<Checkin> = {}): Checkin {
  return {
    id: `chk_l${String(++n).padStart(6, '0')}`,
    status: 'pending',
    openid: 'o-leaving-member',
    applicantId: null,
    codeId: 'c_member',
    unitId: unit.id,
    unitPath: unit.path,
    name: '周离开',
    phone: '13800000097',
    phoneVerified: false,
    memberType: 'retired',
    branch: { name: '市供电公司第三党支部', place: '本市' },
    workUnit: '市供电公司',
    skills: ['水电维修'],
    services: ['助老助残'],
    freeTime: '周末',
    veteran: false,
    household: null,
    personId: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    history: [{ status: 'pending', at: 10_000, by: null, reason: null, date: null }],
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

/** A person leaving (注销): the person forgotten in one write, and the registrations that copied them. */
export function peopleLeavingContract(ctx: ContractContext) {
  describe('people: leaving', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('forgets name, phone, username, openid and password at once; no search finds them; their username and openid are free again', async () => {
      const t = await tree(store);
      const p = person('郑离开', { phone: '13800000099', username: 'likai', openid: 'o-leaver' });
      await store.people.insert(p, 'scrypt$gone');
      await store.bindings.insert(binding(p, t.a1, 'resident'));
      const after = await store.people.forget(p.id, 9_000);
      expect(after).toMatchObject({ id: p.id, name: LEFT_PERSON_NAME, phone: null, username: null, openid: null, version: p.version + 1, updatedAt: 9_000 });
      expect(hasLeft(after!)).toBe(true);
      expect(await store.people.get(p.id)).toEqual(after);
      expect(await store.people.passwordHash(p.id)).toBeNull();
      expect(await store.people.findByOpenid('o-leaver')).toBeNull();
      expect(await store.people.findByUsername('likai')).toBeNull();
      for (const q of ['郑离开', '13800000099', 'likai']) expect(await store.people.search(q, [t.a.path], 10, { unplaced: true })).toEqual([]);
      // The same WeChat user may come back as someone new.
      await store.people.insert(person('郑回来', { username: 'likai', openid: 'o-leaver' }), null);
      expect(await store.people.findByOpenid('o-leaver')).toMatchObject({ name: '郑回来' });
    });

    it('forgets once: forgetting again answers the person as they are; no one is null', async () => {
      const p = person('冯两次', { phone: '13800000098' });
      await store.people.insert(p, null);
      const first = await store.people.forget(p.id, 9_000);
      expect(await store.people.forget(p.id, 9_500)).toEqual(first);
      expect(await store.people.forget('per_nobody', 9_000)).toBeNull();
    });

    it('forgets who applied on a decided registration, not on a pending one; the openid no longer finds it', async () => {
      const t = await tree(store);
      const pending = registration(t.a1);
      const decided = registration(t.a1, { openid: 'o-leaver-2', status: 'rejected', rejectReason: '门牌不对', decidedBy: 'per_lead', decidedAt: 11_000, version: 2 });
      await store.registrations.insertPending(pending);
      await store.registrations.insertPending({ ...decided, status: 'pending', version: 1 });
      expect(await store.registrations.reject(decided.id, 1, 'per_lead', 11_000, '门牌不对')).not.toBeNull();
      expect(await store.registrations.forget(pending.id, 1, 12_000)).toBeNull();
      expect(await store.registrations.forget(decided.id, 1, 12_000)).toBeNull();
      const after = await store.registrations.forget(decided.id, 2, 12_000);
      expect(after).toMatchObject({ id: decided.id, status: 'rejected', name: LEFT_PERSON_NAME, phone: '', openid: null, username: null, keyHash: null, version: 3, door: decided.door, buildingId: t.a1.id });
      expect(await store.registrations.get(decided.id)).toEqual(after);
      expect(await store.registrations.listForOpenid('o-leaver-2')).toEqual([]);
      expect(await store.registrations.listRejectedFor({ openid: 'o-leaver-2', username: null }, 10)).toEqual([]);
      expect(await store.registrations.get(pending.id)).toMatchObject({ name: '郑离开', status: 'pending' });
    });

    it('forgets who checked in on a decided check-in, keeping its status and history; not on a pending one', async () => {
      const t = await tree(store);
      const c = checkin(t.a);
      await store.checkins.insertPending(c);
      expect(await store.checkins.forget(c.id, 1, 30_000)).toBeNull();
      const returned = checkinTransition(c, 'return', { at: 20_000, by: 'per_secretary', reason: '本人注销账号' });
      expect(await store.checkins.decide(returned, 1)).not.toBeNull();
      expect(await store.checkins.forget(c.id, 1, 30_000)).toBeNull();
      const after = await store.checkins.forget(c.id, 2, 30_000);
      expect(after).toMatchObject({ id: c.id, status: 'returned', name: LEFT_PERSON_NAME, phone: '', openid: null, workUnit: null, memberType: 'retired', version: 3, history: returned.history });
      expect(await store.checkins.get(c.id)).toEqual(after);
      expect(await store.checkins.listForOpenid('o-leaving-member')).toEqual([]);
      const roster = await store.checkins.roster({ paths: [t.a.path], statuses: ['returned'] }, 10, 0);
      expect(roster.checkins.map((x) => x.name)).toEqual([LEFT_PERSON_NAME]);
    });
  });
}
