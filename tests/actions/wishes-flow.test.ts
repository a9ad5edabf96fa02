/**
 * Micro-wishes (微心愿) from posting to points: a resident posts for themselves (their building and
 * door, the building's lead named), staff approve, a member claims, fulfils with a photo, the
 * wisher confirms and the member's balance grows by the wish's points; each step tells the people
 * it concerns. The public view never shows a phone, a door or a name; how to reach the wisher shows
 * only to the claimer (and staff) once claimed. A lead posts for a household; giving back reopens.
 */
import { DEFAULT_POINTS_RULES, type Outputs, type WishView } from '../../src/core';
import { data, T0 } from '../support/harness';
import { png } from '../support/images';
import { dayAfter, DOOR, wishesKit, type WishesKit } from './support/wishes';

let k: WishesKit;
beforeAll(async () => {
  k = await wishesKit();
});
afterAll(() => k.h.close());

const WISH_POINTS = DEFAULT_POINTS_RULES.wish.points;
const detail = (id: string, who = k.member) => k.call<WishView>('detail', { id }, who.cred);
const open = (who = k.member, extra: Record<string, unknown> = {}) => k.call<Outputs['wishes']['open']>('open', extra, who.cred);
const kinds = async (who: Parameters<WishesKit['messagesOf']>[0]) => (await k.messagesOf(who)).map((m) => m.kind);

describe('a wish from posting to points', () => {
  it('goes post → approve → claim → fulfil → confirm, and the claimer earns the wish’s points', async () => {
    const balanceBefore = await k.h.store.points.balance(k.member.id);

    // The resident posts: their building and door, the building's lead named, pending.
    const posted = data(await k.post(k.wish({ what: '想请人帮忙换一下厨房的灯泡', phoneShared: true, clientRequestId: 'flow-post-1' })));
    expect(posted.created).toBe(true);
    expect(posted.wish).toMatchObject({
      status: 'pending',
      statusLabel: '待审核',
      postedVia: 'self',
      postedBy: { id: k.resident.id, name: '孙阿婆' },
      building: { id: k.building.id },
      place: '幸福里小区',
      byDate: dayAfter(20),
      contact: null,
      can: { withdraw: true, claim: false, confirm: false, approve: false },
    });
    const stored = (await k.h.store.wishes.get(posted.wish.id))!;
    expect(stored).toMatchObject({ door: DOOR, wisherId: k.resident.id, leadId: k.lead.id, phone: '13650001234', communityId: k.community.id });
    // A retried post is the same wish, written once.
    const again = data(await k.post(k.wish({ what: '想请人帮忙换一下厨房的灯泡', phoneShared: true, clientRequestId: 'flow-post-1' })));
    expect(again).toMatchObject({ created: false, wish: { id: posted.wish.id } });

    // Pending: not on the open list; staff see it to approve.
    expect(data(await open()).wishes.map((w) => w.id)).not.toContain(posted.wish.id);
    const pending = data(await k.call<Outputs['wishes']['list']>('list', { status: 'pending' }, k.staff.cred));
    expect(pending.wishes.find((w) => w.id === posted.wish.id)).toMatchObject({ can: { approve: true } });
    const approved = data(await k.act('approve', posted.wish, k.staff));
    expect(approved).toMatchObject({ status: 'open', statusLabel: '待认领' });
    expect(await kinds(k.resident)).toContain('wish.approved');

    // Open: on the member's list, public view only.
    const listed = data(await open()).wishes.find((w) => w.id === posted.wish.id)!;
    expect(listed).toEqual({ id: posted.wish.id, what: '想请人帮忙换一下厨房的灯泡', forWhom: '独居老人', byDate: dayAfter(20), place: '幸福里小区', status: 'open', statusLabel: '待认领', createdAt: T0 });
    expect(data(await detail(posted.wish.id))).toMatchObject({ can: { claim: true }, contact: null, postedBy: null });

    // The member claims; the wisher and the lead are told.
    const claimed = data(await k.call<WishView>('claim', { id: posted.wish.id }, k.member.cred));
    expect(claimed).toMatchObject({ status: 'claimed', claimer: { id: k.member.id, name: k.member.name }, can: { fulfil: true, giveBack: true, claim: false } });
    expect(claimed.contact).toEqual({ lead: { id: k.lead.id, name: '赵桂兰', phone: '13800000006', roleLabel: '楼栋长' }, phone: '13650001234', place: '幸福里小区 1号楼 2单元 5层 502室' });
    expect(await kinds(k.resident)).toContain('wish.claimed');
    expect(await kinds(k.lead)).toContain('wish.claimed');
    expect(data(await open()).wishes.map((w) => w.id)).not.toContain(posted.wish.id);

    // Fulfilled with a note and a photo the member uploaded.
    const photo = await k.h.deps.photos.put(await png(), k.member.id);
    const fulfilled = data(await k.act('fulfil', claimed, k.member, { note: '周六上门换好了灯泡，顺便检查了燃气', photos: [photo.id] }));
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilNote: '周六上门换好了灯泡，顺便检查了燃气', fulfilPhotos: [photo.url] });
    const asked = (await k.messagesOf(k.resident)).find((m) => m.kind === 'wish.fulfilled')!;
    expect(asked.body).toContain('7 天内');

    // The wisher confirms: the claimer's balance grows by the wish's points, kept on the wish.
    const mine = data(await k.call<Outputs['wishes']['mine']>('mine', {}, k.resident.cred));
    const mineView = mine.posted.find((w) => w.id === posted.wish.id)!;
    expect(mineView.can).toMatchObject({ confirm: true });
    const confirmed = data(await k.act('confirm', mineView, k.resident));
    expect(confirmed).toMatchObject({ status: 'confirmed', points: WISH_POINTS, confirmedByTimer: false, can: { confirm: false, withdraw: false } });
    expect(await k.h.store.points.balance(k.member.id)).toBe(balanceBefore + WISH_POINTS);
    const entry = await k.h.store.points.get(`wish:${posted.wish.id}`);
    expect(entry).toMatchObject({ personId: k.member.id, points: WISH_POINTS, reason: '实现微心愿：想请人帮忙换一下厨房的灯泡', grantedBy: k.resident.id, source: { kind: 'wish', id: posted.wish.id } });
    const thanks = (await k.messagesOf(k.member)).find((m) => m.kind === 'wish.confirmed')!;
    expect(thanks.body).toContain(`${WISH_POINTS} 积分`);
    // The member's own list has it among the claimed.
    expect(data(await k.call<Outputs['wishes']['mine']>('mine', {}, k.member.cred)).claimed.map((w) => w.id)).toContain(posted.wish.id);
  });
});

describe('who sees what', () => {
  it('shows the open list and a bystander’s detail without a phone, a door or a name', async () => {
    const w = await k.openWish({ what: '想要一台收音机', forWhom: '独居老人', phoneShared: true });
    const list = data(await open(k.volunteer));
    const json = JSON.stringify(list);
    expect(list.wishes.map((x) => x.id)).toContain(w.id);
    for (const secret of ['13650001234', '孙阿婆', '502', '1号楼', '赵桂兰', '13800000006']) expect(json).not.toContain(secret);

    const bystander = JSON.stringify(data(await detail(w.id, k.volunteer)));
    for (const secret of ['13650001234', '孙阿婆', '502', '1号楼', '赵桂兰', '13800000006']) expect(bystander).not.toContain(secret);
    expect(JSON.parse(bystander)).toMatchObject({ postedBy: null, building: null, contact: null, claimer: null, can: { claim: true } });

    // Claimed by the member: the contact is theirs (and staff's); the volunteer still sees the public detail.
    const claimed = data(await k.call<WishView>('claim', { id: w.id }, k.member.cred));
    expect(claimed.contact).toMatchObject({ phone: '13650001234', lead: { name: '赵桂兰' } });
    expect(data(await detail(w.id, k.staff)).contact).toMatchObject({ phone: '13650001234' });
    const after = data(await detail(w.id, k.volunteer));
    expect(after).toMatchObject({ status: 'claimed', contact: null, claimer: null, can: { claim: false } });
    expect(JSON.stringify(after)).not.toContain('13650001234');
    // The wisher and the lead read it whole, but not the contact meant for the claimer.
    expect(data(await detail(w.id, k.resident))).toMatchObject({ contact: null, claimer: { name: k.member.name }, postedBy: { name: '孙阿婆' } });
    expect(data(await detail(w.id, k.lead))).toMatchObject({ contact: null, can: { confirm: false } });
  });

  it('keeps the wisher’s phone from the claimer when they did not share it', async () => {
    const w = await k.claimedWish(k.volunteer, { what: '想学用智能手机视频', phoneShared: false });
    expect(w.contact).toEqual({ lead: expect.objectContaining({ name: '赵桂兰' }), phone: null, place: '幸福里小区 1号楼 2单元 5层 502室' });
    // Not even stored.
    expect((await k.h.store.wishes.get(w.id))!.phone).toBeNull();
  });
});

describe('a lead posting for a household', () => {
  it('lets the building lead post for a door of their building, named as the lead, with the contact phone they give', async () => {
    const posted = data(
      await k.post(k.wish({ what: '想要一个暖手宝', forWhom: '高龄老人', phoneShared: true, forHousehold: { buildingId: k.building.id, door: { entrance: '3', floor: 2, room: '201' }, phone: '13911112222' } }), k.lead),
    ).wish;
    expect(posted).toMatchObject({ postedVia: 'lead', postedBy: { id: k.lead.id }, status: 'pending' });
    expect(await k.h.store.wishes.get(posted.id)).toMatchObject({ wisherId: null, leadId: k.lead.id, door: { entrance: '3', room: '201' }, phone: '13911112222' });
    const approved = data(await k.act('approve', posted, k.staff));
    const claimed = data(await k.call<WishView>('claim', { id: approved.id }, k.member.cred));
    expect(claimed.contact).toEqual({ lead: { id: k.lead.id, name: '赵桂兰', phone: '13800000006', roleLabel: '楼栋长' }, phone: '13911112222', place: '幸福里小区 1号楼 3单元 2层 201室' });
    // The lead who posted it confirms it.
    const fulfilled = data(await k.act('fulfil', claimed, k.member, { note: '送去了暖手宝' }));
    expect(data(await k.act('confirm', fulfilled, k.lead))).toMatchObject({ status: 'confirmed', points: WISH_POINTS });
  });

  it('lets a grid lead post for a household of a building in their grid, and names a resident of it', async () => {
    const neighbour = await k.personAt('resident', k.gridBuilding, '董阿公');
    const posted = data(
      await k.post(k.wish({ what: '想请人陪着去医院复查', forHousehold: { buildingId: k.gridBuilding.id, door: { entrance: '1', floor: 3, room: '301' }, personId: neighbour.id } }), k.gridLead),
    ).wish;
    expect(await k.h.store.wishes.get(posted.id)).toMatchObject({ wisherId: neighbour.id, leadId: k.gridLead.id, postedVia: 'lead', phone: null });
    // The wisher named by the lead reads it among their own and may withdraw it.
    const theirs = data(await k.call<Outputs['wishes']['mine']>('mine', {}, neighbour.cred)).posted;
    expect(theirs.find((w) => w.id === posted.id)).toMatchObject({ can: { withdraw: true } });
    const contact = data(await k.call<WishView>('claim', { id: data(await k.act('approve', posted, k.staff)).id }, k.member.cred)).contact;
    expect(contact?.lead).toMatchObject({ id: k.gridLead.id, roleLabel: '网格长（家长）' });
  });

  it('names the grid’s lead on a self-posted wish of a building that has no lead of its own', async () => {
    const resident = await k.personAt('resident', k.gridBuilding, '田大爷');
    const posted = data(await k.post(k.wish({ what: '想要一副老花镜' }), resident)).wish;
    expect((await k.h.store.wishes.get(posted.id))!.leadId).toBe(k.gridLead.id);
  });
});

describe('giving back and withdrawing', () => {
  it('reopens a wish its claimer gives back, for someone else to claim', async () => {
    const claimed = await k.claimedWish(k.member, { what: '想要几本大字版的书' });
    const back = data(await k.act('giveBack', claimed, k.member, { reason: '这周要出差' }));
    expect(back).toMatchObject({ status: 'open', claimer: null, contact: null });
    expect(await k.h.store.wishes.get(claimed.id)).toMatchObject({ status: 'open', claimerId: null, claimedAt: null });
    expect((await k.messagesOf(k.resident)).find((m) => m.kind === 'wish.givenBack')?.body).toContain('这周要出差');
    expect(data(await open(k.volunteer)).wishes.map((w) => w.id)).toContain(claimed.id);
    expect(data(await k.call<WishView>('claim', { id: claimed.id }, k.volunteer.cred))).toMatchObject({ status: 'claimed', claimer: { id: k.volunteer.id } });
  });

  it('lets the wisher withdraw a claimed wish, and tells the claimer', async () => {
    const claimed = await k.claimedWish(k.member, { what: '想要一个新的拖把' });
    const mine = data(await k.call<Outputs['wishes']['mine']>('mine', {}, k.resident.cred)).posted.find((w) => w.id === claimed.id)!;
    expect(data(await k.act('withdraw', mine, k.resident))).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect((await k.messagesOf(k.member)).some((m) => m.kind === 'wish.withdrawn')).toBe(true);
    // The claimer no longer needs, nor sees, how to reach the wisher.
    expect(data(await detail(claimed.id, k.member))).toMatchObject({ status: 'withdrawn', contact: null, can: { fulfil: false, giveBack: false } });
  });

  it('tells the poster why staff rejected a wish', async () => {
    const posted = data(await k.post(k.wish({ what: '想要一台新冰箱' }))).wish;
    expect(data(await k.act('reject', posted, k.staff, { reason: '超出微心愿的范围，可以申请社区救助' }))).toMatchObject({ status: 'rejected', rejectReason: '超出微心愿的范围，可以申请社区救助' });
    expect((await k.messagesOf(k.resident)).find((m) => m.kind === 'wish.rejected')?.body).toContain('社区救助');
  });
});
