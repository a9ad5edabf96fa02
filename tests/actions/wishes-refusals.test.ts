/**
 * What the wishes function refuses, each with a stable code and a Chinese message, writing nothing:
 * bad input, a day out of range, posting without a home or for a building not one's own, acting in
 * the wrong state or in someone else's place, another community's wish, and a claim that lost the
 * race (exactly one of many claims at once wins).
 */
import type { WishView } from '../../src/core';
import { httpStatus } from '../../cloudfunctions/lib/functions';
import { data, expectFailure } from '../support/harness';
import { png } from '../support/images';
import { dayAfter, wishesKit, type WishesKit } from './support/wishes';

let k: WishesKit;
beforeAll(async () => {
  k = await wishesKit();
});
afterAll(() => k.h.close());

describe('posting', () => {
  it('refuses bad input and a day that is past, impossible or more than half a year ahead', async () => {
    await k.writesNothing(async () => {
      expectFailure(await k.post(k.wish({ what: '' })), 'INPUT.INVALID', 'what');
      expectFailure(await k.post(k.wish({ forWhom: '一位住在三号楼两单元五楼的孤寡老人，儿女都在外地' })), 'INPUT.INVALID', 'forWhom');
      expectFailure(await k.post(k.wish({ byDate: '2026/12/20' })), 'INPUT.INVALID', 'byDate');
      expectFailure(await k.post(k.wish({ clientRequestId: 'x' })), 'INPUT.INVALID', 'clientRequestId');
      expectFailure(await k.post(k.wish({ byDate: dayAfter(-1) })), 'WISH.BAD_DATE', 'byDate');
      expectFailure(await k.post(k.wish({ byDate: dayAfter(181) })), 'WISH.BAD_DATE', 'byDate');
      expectFailure(await k.post(k.wish({ byDate: '2027-02-30' })), 'WISH.BAD_DATE', 'byDate');
    });
    // Today and the last day allowed are fine.
    expect(data(await k.post(k.wish({ byDate: dayAfter(0) }))).wish.byDate).toBe(dayAfter(0));
    expect(data(await k.post(k.wish({ byDate: dayAfter(180) }))).wish.byDate).toBe(dayAfter(180));
  });

  it('refuses a person with no home to post for themselves, and a resident without a door', async () => {
    const noDoor = await k.personAt('resident', k.building, '没门牌', { door: null });
    await k.writesNothing(async () => {
      expectFailure(await k.post(k.wish(), k.member), 'WISH.NOT_RESIDENT');
      expectFailure(await k.post(k.wish(), k.staff), 'WISH.NOT_RESIDENT');
      expectFailure(await k.post(k.wish(), noDoor), 'WISH.NO_DOOR');
    });
  });

  it('refuses a lead posting for a building not theirs, a resident posting for a household, and someone who does not live there', async () => {
    const household = (buildingId: string, extra: Record<string, unknown> = {}) => ({ forHousehold: { buildingId, door: { entrance: '1', floor: 1, room: '101' }, ...extra } });
    await k.writesNothing(async () => {
      const other = await k.post(k.wish(household(k.otherBuilding.id)), k.lead);
      expectFailure(other, 'AUTH.FORBIDDEN', 'forHousehold.buildingId');
      if (!other.ok) expect(other.message).toContain('2号楼');
      // A grid lead for a building outside their grid.
      expectFailure(await k.post(k.wish(household(k.building.id)), k.gridLead), 'AUTH.FORBIDDEN', 'forHousehold.buildingId');
      const resident = await k.post(k.wish(household(k.building.id)), k.resident);
      expectFailure(resident, 'AUTH.FORBIDDEN', 'forHousehold.buildingId');
      if (!resident.ok) expect(resident.message).toContain('楼栋长');
      expectFailure(await k.post(k.wish(household('bui_nowhere')), k.lead), 'UNIT.NOT_FOUND', 'forHousehold.buildingId');
      expectFailure(await k.post(k.wish(household(k.compound.id)), k.lead), 'UNIT.NOT_FOUND', 'forHousehold.buildingId');
      // The person named must live in the building.
      expectFailure(await k.post(k.wish(household(k.building.id, { personId: k.farResident.id })), k.lead), 'WISH.NOT_RESIDENT', 'forHousehold.personId');
    });
  });
});

describe('acting on a wish', () => {
  it('refuses a resident claiming, a claim of one’s own wish, and a claim of a pending or taken wish', async () => {
    const pending = data(await k.post(k.wish({ what: '待审核的心愿' }))).wish;
    const open = await k.openWish({ what: '想要一盆绿萝' });
    const leadPosted = await k.openWish({ what: '楼栋长代许', forHousehold: { buildingId: k.building.id, door: { entrance: '1', floor: 1, room: '101' } } }, k.lead);
    const memberResident = await k.personAt('resident', k.building, '也是党员');
    await k.h.store.bindings.insert({ id: 'bnd_wish_also_member', personId: memberResident.id, unitId: k.compound.id, role: 'member', createdAt: 0, createdBy: null });
    const own = await k.openWish({ what: '自己许的' }, memberResident);
    await k.writesNothing(async () => {
      // A resident who is no member or volunteer reads nothing of someone else's wish.
      expectFailure(await k.call('claim', { id: open.id }, k.neighbour.cred), 'WISH.NOT_FOUND', 'id');
      expectFailure(await k.call('open', {}, k.neighbour.cred), 'AUTH.FORBIDDEN');
      // The wisher reads their own wish but cannot claim it as a member either.
      expectFailure(await k.call('claim', { id: open.id }, k.resident.cred), 'WISH.NOT_CLAIMER');
      expectFailure(await k.call('claim', { id: own.id }, memberResident.cred), 'WISH.NOT_ALLOWED');
      // Staff are no claimers; a pending wish is no member's business.
      expectFailure(await k.call('claim', { id: open.id }, k.staff.cred), 'WISH.NOT_CLAIMER');
      expectFailure(await k.call('claim', { id: pending.id }, k.member.cred), 'WISH.NOT_FOUND', 'id');
      expectFailure(await k.call('detail', { id: pending.id }, k.member.cred), 'WISH.NOT_FOUND', 'id');
      expectFailure(await k.call('claim', { id: 'wsh_nowhere' }, k.member.cred), 'WISH.NOT_FOUND', 'id');
    });
    expect(leadPosted.status).toBe('open');
    data(await k.call('claim', { id: open.id }, k.member.cred));
    await k.writesNothing(async () => expectFailure(await k.call('claim', { id: open.id }, k.volunteer.cred), 'WISH.TAKEN'));
    // The same claimer asking again (a retry) is answered the claim already made.
    expect(data(await k.call<WishView>('claim', { id: open.id }, k.member.cred))).toMatchObject({ status: 'claimed', claimer: { id: k.member.id } });
  });

  it('lets only the claimer fulfil or give back, and only the wisher, poster or lead confirm', async () => {
    const claimed = await k.claimedWish(k.member, { what: '想要一双棉拖鞋' });
    const volunteerPhoto = await k.h.deps.photos.put(await png(), k.volunteer.id);
    await k.writesNothing(async () => {
      expectFailure(await k.act('fulfil', claimed, k.volunteer, { note: '不是我认领的' }), 'WISH.NOT_YOURS');
      expectFailure(await k.act('giveBack', claimed, k.resident), 'WISH.NOT_YOURS');
      // A photo someone else uploaded, or none at all.
      expectFailure(await k.act('fulfil', claimed, k.member, { note: '送到了', photos: [volunteerPhoto.id] }), 'PHOTO.NOT_FOUND', 'photos');
      expectFailure(await k.act('fulfil', claimed, k.member, { note: '送到了', photos: ['pho_nosuchphoto00'] }), 'PHOTO.NOT_FOUND', 'photos');
      expectFailure(await k.act('fulfil', claimed, k.member, { note: '' }), 'INPUT.INVALID', 'note');
      expectFailure(await k.act('fulfil', { id: claimed.id, version: claimed.version - 1 }, k.member, { note: '送到了' }), 'CONFLICT.VERSION');
      // Not fulfilled yet: nothing to confirm.
      expectFailure(await k.act('confirm', claimed, k.resident), 'WISH.NOT_ALLOWED');
    });
    const fulfilled = data(await k.act('fulfil', claimed, k.member, { note: '送去了一双棉拖鞋' }));
    await k.writesNothing(async () => {
      expectFailure(await k.act('confirm', fulfilled, k.member), 'AUTH.FORBIDDEN');
      expectFailure(await k.act('confirm', fulfilled, k.staff), 'AUTH.FORBIDDEN');
      expectFailure(await k.act('giveBack', fulfilled, k.member), 'WISH.NOT_ALLOWED');
      expectFailure(await k.act('withdraw', fulfilled, k.resident), 'WISH.NOT_ALLOWED');
      expectFailure(await k.act('fulfil', fulfilled, k.member, { note: '再实现一次' }), 'WISH.NOT_ALLOWED');
    });
    const confirmed = data(await k.act('confirm', fulfilled, k.lead));
    await k.writesNothing(async () => expectFailure(await k.act('confirm', confirmed, k.resident), 'WISH.NOT_ALLOWED'));
  });

  it('lets only staff approve or reject, and only a pending wish', async () => {
    const pending = data(await k.post(k.wish({ what: '想要一把新雨伞' }))).wish;
    await k.writesNothing(async () => {
      expectFailure(await k.act('approve', pending, k.lead), 'AUTH.FORBIDDEN');
      expectFailure(await k.act('approve', pending, k.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.act('reject', pending, k.staff, { reason: '' }), 'INPUT.INVALID', 'reason');
      expectFailure(await k.call('list', {}, k.member.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.act('withdraw', pending, k.lead), 'AUTH.FORBIDDEN');
    });
    const approved = data(await k.act('approve', pending, k.staff));
    await k.writesNothing(async () => {
      expectFailure(await k.act('approve', approved, k.staff), 'WISH.NOT_ALLOWED');
      expectFailure(await k.act('reject', approved, k.staff, { reason: '重复了' }), 'WISH.NOT_ALLOWED');
      expectFailure(await k.act('approve', pending, k.staff), 'CONFLICT.VERSION');
    });
  });
});

describe('another community’s wish', () => {
  it('is not found for members, staff and leads of this community, and theirs is not found here', async () => {
    const far = data(await k.post(k.wish({ what: '远方社区的心愿' }), k.farResident)).wish;
    const here = await k.openWish({ what: '本社区的心愿' });
    await k.writesNothing(async () => {
      expectFailure(await k.act('approve', far, k.staff), 'WISH.NOT_FOUND', 'id');
      const notFound = await k.call('detail', { id: far.id }, k.member.cred);
      expectFailure(notFound, 'WISH.NOT_FOUND', 'id');
      expect(httpStatus(notFound)).toBe(404);
      expectFailure(await k.call('claim', { id: here.id }, k.farMember.cred), 'WISH.NOT_FOUND', 'id');
      expectFailure(await k.call('detail', { id: here.id }, k.farStaff.cred), 'WISH.NOT_FOUND', 'id');
      expectFailure(await k.call('list', { unitId: k.community.id }, k.farStaff.cred), 'AUTH.FORBIDDEN', 'unitId');
      expectFailure(await k.call('open', { unitId: k.compound.id }, k.farMember.cred), 'UNIT.NOT_FOUND', 'unitId');
    });
    const approved = data(await k.act('approve', far, k.farStaff));
    expect(data(await k.call<{ wishes: { id: string }[] }>('open', {}, k.member.cred)).wishes.map((w) => w.id)).not.toContain(approved.id);
    expect(data(await k.call<{ wishes: { id: string }[] }>('open', {}, k.farMember.cred)).wishes.map((w) => w.id)).toEqual([approved.id]);
  });
});

describe('claims at once', () => {
  it('gives the wish to exactly one of many members claiming at the same moment', async () => {
    const w = await k.openWish({ what: '想请人修一下自行车' });
    const claimers = [k.member, k.volunteer];
    for (let i = 0; i < 8; i++) claimers.push(await k.personAt(i % 2 ? 'member' : 'volunteer', k.compound, `抢认领${i}`));
    const results = await Promise.all(claimers.map((c) => k.call<WishView>('claim', { id: w.id }, c.cred)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expectFailure(r, 'WISH.TAKEN');
    // Over HTTP the losers are told 409 Conflict (someone else's claim won), not a bad request.
    expect(new Set(results.filter((x) => !x.ok).map(httpStatus))).toEqual(new Set([409]));
    const stored = (await k.h.store.wishes.get(w.id))!;
    expect(stored).toMatchObject({ status: 'claimed', version: w.version + 1 });
    expect(won[0].ok && won[0].data.claimer?.id).toBe(stored.claimerId);
    // One claim, one round of notices.
    expect((await k.messagesOf(k.resident)).filter((m) => m.kind === 'wish.claimed' && m.page?.includes(w.id))).toHaveLength(1);
  });
});
