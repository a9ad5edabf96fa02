/**
 * A wish from posting to points on CloudBase, through dispatch and the unmodified node-sdk answered
 * in-process, and the two timer jobs run twice at once there (the SQLite side: wishes-flow.test.ts
 * and wishes-timer.test.ts).
 */
import { DEFAULT_POINTS_RULES, WISH_CONFIRM_DAYS, type Outputs, type Person, type WishView } from '../../src/core';
import { confirmFulfilledWishes } from '../../cloudfunctions/lib/jobs/wish-confirmation';
import { expireWishes } from '../../cloudfunctions/lib/jobs/wish-expiry';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure, T0 } from '../support/harness';

const DAY = 24 * 3600_000;
const cloud = cloudbase();

it('posts, approves, claims (one of many at once), fulfils and confirms a wish on CloudBase, and the timer expires and confirms once run twice', async () => {
  const { store, deps, clock, callOf, as, personId } = await cloudbaseDemo(cloud, 'wishes_', { settings: { sessionTtlMs: 60 * DAY } });
  const call = callOf('wishes');
  const [staff, member, volunteer] = [await as('shequ'), await as('dangyuan'), await as('zhiyuan')];
  const memberId = await personId('dangyuan');

  const units = await store.units.listSubtree('/');
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const home = units.find((u) => u.name === '1号楼' && u.parentId === compound.id)!;
  const me: Person = { id: 'per_wishcb', name: '郑云端', phone: '13712340088', username: null, openid: 'o-wish-cloud', demo: false, createdInUnitId: home.id, version: 1, createdAt: 0, updatedAt: 0 };
  await store.people.insert(me, null);
  await store.bindings.insert({ id: 'bnd_wishcb', personId: me.id, unitId: home.id, role: 'resident', createdAt: 0, createdBy: null, door: { entrance: '2', floor: 6, room: '601' } });
  const cred = { openid: me.openid };
  const post = (what: string, byDate: string) => call<Outputs['wishes']['post']>('post', { clientRequestId: `wish-cb-${what}`, what, forWhom: '独居老人', byDate, phoneShared: true }, cred);

  const posted = data(await post('想要一个暖手宝', '2026-12-10')).wish;
  expect(data(await post('想要一个暖手宝', '2026-12-10'))).toMatchObject({ created: false, wish: { id: posted.id } });
  const approved = data(await call<WishView>('approve', { id: posted.id, version: posted.version }, staff));
  const open = data(await call<Outputs['wishes']['open']>('open', {}, volunteer));
  expect(open.wishes.map((w) => w.id)).toEqual([approved.id]);
  expect(JSON.stringify(open)).not.toMatch(/郑云端|13712340088|601/);

  const claims = await Promise.all([member, volunteer, member, volunteer].map((c) => call<WishView>('claim', { id: approved.id }, c)));
  const won = claims.filter((r) => r.ok) as { ok: true; data: WishView }[];
  // The member's second claim, if his first won, is answered as his claim: one claimer either way.
  expect(new Set(won.map((r) => r.data.claimer!.id)).size).toBe(1);
  for (const r of claims.filter((x) => !x.ok)) expectFailure(r, 'WISH.TAKEN');
  const stored = (await store.wishes.get(approved.id))!;
  const claimer = stored.claimerId === memberId ? member : volunteer;
  expect(won[0].data.contact).toMatchObject({ phone: '13712340088', place: '幸福里小区 1号楼 2单元 6层 601室' });

  const fulfilled = data(await call<WishView>('fulfil', { id: stored.id, version: stored.version, note: '送去了暖手宝' }, claimer));
  const before = await store.points.balance(stored.claimerId!);
  expect(data(await call<WishView>('confirm', { id: fulfilled.id, version: fulfilled.version }, cred))).toMatchObject({ status: 'confirmed', points: DEFAULT_POINTS_RULES.wish.points });
  expect(await store.points.balance(stored.claimerId!)).toBe(before + DEFAULT_POINTS_RULES.wish.points);

  // The timer: one wish past its day, one fulfilled a week ago.
  const first = data(await post('想要一副老花镜', '2026-11-24')).wish;
  const expiring = data(await call<WishView>('approve', { id: first.id, version: first.version }, staff));
  const second = data(await post('想要一本大字版的书', '2026-12-20')).wish;
  const opened = data(await call<WishView>('approve', { id: second.id, version: second.version }, staff));
  const taken = data(await call<WishView>('claim', { id: opened.id }, member));
  const done = data(await call<WishView>('fulfil', { id: taken.id, version: taken.version, note: '送到了' }, member));
  clock.set(T0 + (WISH_CONFIRM_DAYS + 1) * DAY);
  const balance = await store.points.balance(memberId);
  const [e1, e2] = await Promise.all([expireWishes(deps), expireWishes(deps)]);
  const [c1, c2] = await Promise.all([confirmFulfilledWishes(deps), confirmFulfilledWishes(deps)]);
  expect(e1.expired + e2.expired).toBe(1);
  expect(c1.confirmed + c2.confirmed).toBe(1);
  expect(await store.wishes.get(expiring.id)).toMatchObject({ status: 'expired' });
  expect(await store.wishes.get(done.id)).toMatchObject({ status: 'confirmed', confirmedBy: null, points: DEFAULT_POINTS_RULES.wish.points });
  expect(await store.points.balance(memberId)).toBe(balance + DEFAULT_POINTS_RULES.wish.points);
  const told = (await store.messages.listForPerson(memberId, 100)).filter((m) => m.kind === 'wish.autoConfirmed');
  expect(told).toHaveLength(1);
});
