/**
 * Uniqueness on CloudBase, with deterministic document ids as locks: `_id` is unique in every
 * collection, whatever the indexes, so a value is made unique by writing a document whose `_id`
 * is derived from it. No invariant relies on a unique index (a test double might not enforce one,
 * and CloudBase cannot make one partial).
 *
 * - Live sibling names: a guard in `uniques` keyed by hash(parentId, name), claimed, moved and
 *   released in the same transaction as the unit insert / rename / archive / move (units.ts).
 *   Archived units hold none, so an archived name is free again.
 * - A building's WeChat group: a guard keyed by hash(openGId) naming the unit, taken and released
 *   in the same transaction as the unit's groupId (units.ts, setGroup).
 * - Username and openid: guards keyed by hash(value), added in the same transaction as the
 *   person (people.ts).
 * - Bindings: the binding document's own `_id` is hash(personId, unitId, role) (the port's id is
 *   its `id` field), so a second insert of the same triple fails (bindings.ts).
 * - A retried report create: a guard keyed by hash(createdBy, clientRequestId) naming the report,
 *   added in the same transaction as the report (reports.ts).
 * - Meta: `_id` is the key, so adding keeps the first value (meta.ts).
 * - A retried create of a topic, opinion, partner, resource, need, project or visit: a guard keyed by
 *   hash(creator, clientRequestId) (`requestKey`) naming the document, added with it (`insertOnce`).
 *
 * Two transactions adding the same guard both write that `_id`: the database lets one commit and
 * the SDK re-runs the other, which then finds the guard and refuses (or, for a report, returns
 * the one the guard names).
 */
import { createHash } from 'node:crypto';
import { DomainError, type Person, type Role, type Unit } from '../../../../src/core';
import type { CloudbaseKit, CollectionName, Stored } from './kit';
import type { Tx } from './transaction';

/** A live unit's hold on its name under its parent. */
export interface SiblingGuard extends Stored {
  kind: 'unitname';
  unitId: string;
  parentId: string | null;
  name: string;
}

/** A unit's hold on its WeChat group (openGId). */
export interface GroupGuard extends Stored {
  kind: 'group';
  unitId: string;
}

/** A person's hold on their username or openid. */
export interface PersonGuard extends Stored {
  kind: 'username' | 'openid';
  personId: string;
}

/** The report a (creator, clientRequestId) pair made. */
export interface ReportGuard extends Stored {
  kind: 'report';
  reportId: string;
}

const hash = (...parts: (string | null)[]) => createHash('sha1').update(JSON.stringify(parts)).digest('hex');
export const siblingKey = (parentId: string | null, name: string) => `unitname_${hash(parentId, name)}`;
export const groupKey = (groupId: string) => `group_${hash(groupId)}`;
export const usernameKey = (username: string) => `username_${hash(username)}`;
export const openidKey = (openid: string) => `openid_${hash(openid)}`;
export const bindingKey = (personId: string, unitId: string, role: Role) => `binding_${hash(personId, unitId, role)}`;
export const reportRequestKey = (createdBy: string, clientRequestId: string) => `report_${hash(createdBy, clientRequestId)}`;

/**
 * Claims the name of `unit` under its parent for it, unless another unit holds it (a guard the
 * unit already holds is left as it is). `field` is the input the refusal points at.
 */
export async function claimSiblingName(t: Tx, unit: Pick<Unit, 'id' | 'parentId' | 'name'>, field: string): Promise<void> {
  const key = siblingKey(unit.parentId, unit.name);
  const held = await t.get<SiblingGuard>('uniques', key);
  if (held && held.unitId !== unit.id) throw new DomainError('UNIT.NAME_TAKEN', undefined, field);
  if (!held) {
    const guard: SiblingGuard = { _id: key, kind: 'unitname', unitId: unit.id, parentId: unit.parentId, name: unit.name };
    await t.add('uniques', guard);
  }
}

export async function releaseSiblingName(t: Tx, parentId: string | null, name: string): Promise<void> {
  await t.remove('uniques', siblingKey(parentId, name));
}

/** Outside a transaction (undoing an import): releases the unit's name if the unit still holds it. */
export async function releaseSiblingNameOf(kit: CloudbaseKit, unit: Pick<Unit, 'id' | 'parentId' | 'name'>): Promise<void> {
  const guard = await kit.docById<SiblingGuard>('uniques', siblingKey(unit.parentId, unit.name));
  if (guard?.unitId === unit.id) await kit.coll('uniques').doc(guard._id).remove();
}

/** Claims the group for the unit; false if another unit holds it (a guard the unit already holds is kept). */
export async function claimGroup(t: Tx, unitId: string, groupId: string): Promise<boolean> {
  const key = groupKey(groupId);
  const held = await t.get<GroupGuard>('uniques', key);
  if (held) return held.unitId === unitId;
  const guard: GroupGuard = { _id: key, kind: 'group', unitId };
  await t.add('uniques', guard);
  return true;
}

/** Frees the group if this unit holds it. */
export async function releaseGroup(t: Tx, unitId: string, groupId: string): Promise<void> {
  const key = groupKey(groupId);
  const held = await t.get<GroupGuard>('uniques', key);
  if (held?.unitId === unitId) await t.remove('uniques', key);
}

/** Claims the person's username and openid (those not null), or refuses the person if either is taken. */
export async function claimPersonGuards(t: Tx, p: Pick<Person, 'id' | 'username' | 'openid'>): Promise<void> {
  const guards: PersonGuard[] = [];
  if (p.username !== null) {
    const key = usernameKey(p.username);
    if (await t.get('uniques', key)) throw new DomainError('INPUT.INVALID', '这个账号已被使用，请换一个', 'username');
    guards.push({ _id: key, kind: 'username', personId: p.id });
  }
  if (p.openid !== null) {
    const key = openidKey(p.openid);
    if (await t.get('uniques', key)) throw new DomainError('INPUT.INVALID', '这个微信已绑定其他人员', 'openid');
    guards.push({ _id: key, kind: 'openid', personId: p.id });
  }
  for (const g of guards) await t.add('uniques', g);
}

/** The id of the report this creator already made with this request id, if any. */
export async function requestedReport(t: Tx, createdBy: string, clientRequestId: string): Promise<string | null> {
  const held = await t.get<ReportGuard>('uniques', reportRequestKey(createdBy, clientRequestId));
  return held ? held.reportId : null;
}

export async function claimReportRequest(t: Tx, createdBy: string, clientRequestId: string, reportId: string): Promise<void> {
  const guard: ReportGuard = { _id: reportRequestKey(createdBy, clientRequestId), kind: 'report', reportId };
  await t.add('uniques', guard);
}

/** The document a (creator, client request id) pair made in a collection. */
interface RequestGuard extends Stored {
  kind: string;
  id: string;
}

/** The guard's `_id` in `uniques`: a creator's client request id (and what else scopes it) makes one document of a kind. */
export const requestKey = (kind: string, ...scope: string[]) => `${kind}_${createHash('sha1').update(JSON.stringify(scope)).digest('hex')}`;

/**
 * Adds `doc` to `n` with the request guard `key` in one transaction, unless the guard is there: then
 * the document it names (the retry's answer), and nothing written.
 */
export async function insertOnce<D extends Stored>(kit: CloudbaseKit, n: CollectionName, kind: string, key: string, doc: D): Promise<D | null> {
  return kit.transaction(async (t) => {
    const held = await t.get<RequestGuard>('uniques', key);
    if (held) {
      // The guard and its document were committed together: this snapshot has both.
      const d = await t.get<D>(n, held.id);
      if (!d) throw new Error(`guard ${key} names a missing ${n} ${held.id}`);
      return d;
    }
    const guard: RequestGuard = { _id: key, kind, id: doc._id };
    await t.add('uniques', guard);
    await t.add(n, doc);
    return null;
  });
}
