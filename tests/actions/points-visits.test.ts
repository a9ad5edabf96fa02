/**
 * A member's visit to a household they are paired with (pairings.recordVisit) earns the community's
 * visit points, once per visit: a retried visit (the same clientRequestId) is the same visit. A visit
 * recorded while the grant fails is recorded all the same.
 */
import { householdKey, pairingId, pointsKey, type Outputs, type Pairing } from '../../src/core';
import { data } from '../support/harness';
import { crid, pointsKit, type PointsKit, type Someone } from './support/points';

let k: PointsKit;
let member: Someone;
let pairing: Pairing;

const visit = (clientRequestId = crid()) =>
  k.h.call<Outputs['pairings']['recordVisit']>('pairings', 'recordVisit', { clientRequestId, pairingId: pairing.id, date: '2026-11-22', done: '上门量血压，检查燃气灶' }, member.cred);

beforeAll(async () => {
  k = await pointsKit();
  member = await k.personAt('member', k.compound, '陈走访');
  const household = { buildingId: k.building.id, door: { entrance: '2', floor: 5, room: '502' } };
  pairing = {
    id: pairingId(member.id, household),
    memberId: member.id,
    buildingId: k.building.id,
    door: household.door,
    householdKey: householdKey(household),
    unitPath: k.building.path,
    communityId: k.community.id,
    kinds: ['独居老人'],
    contactName: '高桂芬',
    contactPhone: null,
    status: 'active',
    visits: 0,
    lastVisitOn: null,
    createdAt: 0,
    createdBy: k.staff.id,
    endedAt: null,
    endedBy: null,
    endReason: null,
    updatedAt: 0,
    version: 1,
  };
  expect((await k.h.store.pairings.insert(pairing)).ok).toBe(true);
});
afterAll(() => k.h.close());

it('grants the visit points once per visit, a retried visit included', async () => {
  const id = crid();
  const first = data(await visit(id));
  const again = data(await visit(id));
  expect(again.visit.id).toBe(first.visit.id);
  expect(await k.h.store.points.balance(member.id)).toBe(1);
  expect(await k.h.store.points.get(pointsKey('visit', first.visit.id))).toMatchObject({ points: 1, reason: '联户走访：高桂芬家（2026-11-22）', grantedBy: null, unitPath: k.compound.path });
  data(await visit());
  expect(await k.h.store.points.balance(member.id)).toBe(2);
});

it('records the visit even when the grant fails', async () => {
  const before = await k.h.store.points.balance(member.id);
  const append = k.h.store.points.append;
  k.h.store.points.append = () => Promise.reject(new Error('database hiccup'));
  try {
    expect(data(await visit()).created).toBe(true);
  } finally {
    k.h.store.points.append = append;
  }
  expect(await k.h.store.points.balance(member.id)).toBe(before);
});
