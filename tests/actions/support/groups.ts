/**
 * What the group tests share: the registration kit (its WeChat stand-in reads `dev-group:<openGId>:…`
 * cloudIDs), a lead of another building and a neighbour known by their OPENIDs, calling the groups
 * function, and a snapshot of everything a refusal must not write (the registration kit's, and the
 * two buildings' groups).
 */
import type { GroupEntered, Outputs, ReportCard, Role } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import type { Harness } from '../../support/harness';
import { registrationKit } from './registration';

type Bound = Outputs['groups']['bind'];

let nonces = 0;
/** getGroupEnterInfo's cloudID for a page opened in the group `openGId`, as the local stand-in reads it. */
export const inGroup = (openGId: string) => `dev-group:${openGId}:${++nonces}`;
/** A cloudID past its 5 minutes. */
export const expiredCloudID = () => `dev-group-expired:${++nonces}`;
/** A cloudID WeChat does not know. */
export const forgedCloudID = () => `forged-${++nonces}`;

let groups = 0;
/** A group nobody has bound yet (an openGId as WeChat writes them). */
export const freshGroup = () => `tGgroup${String(++groups).padStart(4, '0')}-x_Y`;

let people = 0;
/** A person known by their OPENID, bound with `role` on `unitId`. */
export async function wechatPerson(h: Harness, name: string, role: Role, unitId: string): Promise<Credentials & { personId: string }> {
  const n = ++people;
  const id = `per_grp${n}`;
  const openid = `o-grp-${n}`;
  await h.store.people.insert({ id, name, phone: null, username: null, openid, demo: false, createdInUnitId: unitId, version: 1, createdAt: 0, updatedAt: 0 }, null);
  await h.store.bindings.insert({ id: `bnd_grp${n}`, personId: id, unitId, role, createdAt: 0, createdBy: null });
  return { openid, personId: id };
}

export async function groupsKit() {
  const k = await registrationKit();
  const { h, building, otherBuilding, lead } = k;
  const otherLead = await wechatPerson(h, '钱楼长', 'building_lead', otherBuilding.id);
  const neighbour = await wechatPerson(h, '吴邻居', 'resident', building.id);

  const bind = (buildingId: string, cloudID: string, cred: Credentials = lead) => h.call<Bound>('groups', 'bind', { buildingId, cloudID }, cred);
  const unbind = (buildingId: string, cred: Credentials = lead) => h.call<Bound>('groups', 'unbind', { buildingId }, cred);
  const enter = (cloudID: string, cred: Credentials = {}) => h.call<GroupEntered>('groups', 'enter', { cloudID }, cred);
  const card = (reportId: string, cloudID: string | null | undefined, cred: Credentials = {}) =>
    h.call<ReportCard>('groups', 'card', cloudID === undefined ? { reportId } : { reportId, cloudID }, cred);
  /** The group on a unit now, or null. */
  const groupOn = async (unitId: string) => (await h.store.units.get(unitId))!.groupId ?? null;

  /** The registration kit's snapshot and both buildings as stored (their groups and versions). */
  async function written() {
    const units = await h.store.units.getMany([building.id, otherBuilding.id]);
    return { ...(await k.written()), units: JSON.stringify(units.map((u) => [u.id, u.groupId ?? null, u.version]).sort()) };
  }

  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }

  return { ...k, otherLead, neighbour, bind, unbind, enter, card, groupOn, written, writesNothing };
}

export type GroupsKit = Awaited<ReturnType<typeof groupsKit>>;
