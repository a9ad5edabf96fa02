/**
 * People on CloudBase: one document per person, `_id` its id, with the password hash beside the
 * port's fields (read only by `passwordHash`; every other read leaves it out).
 *
 * A document omits `username` / `openid` when they are null, so the sparse unique indexes on them
 * accept any number of people without one. Uniqueness itself holds through guard documents added
 * in the person's transaction (guards.ts).
 *
 * Documents written before people recorded the unit that created them lack `createdInUnitId`. They
 * are placed lazily: the first search that meets one bound nowhere looks up the same evidence as
 * SQLite's migration 7 and writes the answer (a unit id, or null for unknown), so nothing has to
 * run at deploy and each person is looked up once.
 *
 * A search finds people through the `searchKeys` every document carries (people-search.ts).
 */
import { LEFT_PERSON_NAME, ancestorIds, hasLeft, type Consent, type Person, type Role } from '../../../../src/core';
import type { PersonRepo, UnitRepo } from '../port';
import type { AuditDoc } from './audit';
import type { BindingDoc } from './bindings';
import { claimPersonGuards, openidKey, usernameKey, type PersonGuard } from './guards';
import { chunks, PAGE, type CloudbaseKit, type Stored } from './kit';
import { matching, PEOPLE_SEARCH_BOUND, searchKeysOf, tooBroad } from './people-search';

export interface PersonDoc extends Stored {
  name: string;
  phone: string | null;
  username?: string;
  openid?: string;
  demo: boolean;
  /** Absent on documents written before it was recorded (see above). */
  createdInUnitId?: string | null;
  /** What a search finds the person by (people-search.ts); absent on documents written before it. */
  searchKeys?: string[];
  /** What the person chose (core/people.ts Consent); absent until they chose anything. */
  consent?: Consent;
  version: number;
  createdAt: number;
  updatedAt: number;
  passwordHash?: string | null;
}

/** The roles that created people when origins were first recorded (as in SQLite's migration 7). */
const CREATOR_ROLES: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Answers that name the person's password hash only when asked (and never the search keys). */
export const NO_HASH = { passwordHash: false, searchKeys: false };

export const toPerson = (d: PersonDoc): Person => ({
  id: d._id,
  name: d.name,
  phone: d.phone ?? null,
  username: d.username ?? null,
  openid: d.openid ?? null,
  demo: d.demo === true,
  createdInUnitId: d.createdInUnitId ?? null,
  ...(d.consent && (d.consent.board !== undefined || d.consent.photos !== undefined) ? { consent: { ...d.consent } } : {}),
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export function personDoc(p: Person, passwordHash: string | null): PersonDoc {
  const d: PersonDoc = {
    _id: p.id,
    name: p.name,
    phone: p.phone,
    demo: p.demo,
    createdInUnitId: p.createdInUnitId ?? null,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    passwordHash,
    searchKeys: searchKeysOf(p),
  };
  if (p.username !== null) d.username = p.username;
  if (p.openid !== null) d.openid = p.openid;
  if (p.consent) d.consent = { ...p.consent };
  return d;
}

/** `searchBound`: tests pass a small one; the functions use PEOPLE_SEARCH_BOUND (people-search.ts). */
export function cloudbasePeople(kit: CloudbaseKit, units: UnitRepo, searchBound = PEOPLE_SEARCH_BOUND): PersonRepo {
  const _ = kit.command;
  const coll = () => kit.coll('people');

  /** The units each of these people is bound to. */
  async function boundUnits(ids: readonly string[]): Promise<Map<string, string[]>> {
    const bound = new Map<string, string[]>();
    for (const part of chunks(ids)) {
      const bs = await kit.drain<BindingDoc>(
        (after) => kit.coll('bindings').where(after === null ? { personId: _.in(part) } : { personId: _.in(part), _id: _.gt(after) }).orderBy('_id', 'asc'),
        (d) => d._id,
      );
      for (const b of bs) bound.set(b.personId, [...(bound.get(b.personId) ?? []), b.unitId]);
    }
    return bound;
  }

  /** The unit that created a person recorded before origins were: their 'people.create' entry's unit, else their creator's top staff unit. */
  async function originOf(id: string): Promise<string | null> {
    const [entry] = await kit.rows<AuditDoc>(kit.coll('audit').where({ targetId: id, action: 'people.create' }).orderBy('at', 'asc').orderBy('_id', 'asc').limit(1));
    if (!entry) return null;
    const scoped = entry.unitPath ? ancestorIds(entry.unitPath).pop() : undefined;
    if (scoped && (await units.get(scoped))) return scoped;
    if (!entry.actorId) return null;
    const staff = await kit.rows<BindingDoc>(kit.coll('bindings').where({ personId: entry.actorId, role: _.in([...CREATOR_ROLES]) }).limit(100));
    const top = (await units.getMany(staff.map((b) => b.unitId))).sort((a, b) => a.path.length - b.path.length || (a.id < b.id ? -1 : 1))[0];
    return top?.id ?? null;
  }

  /** Records where a person was created, once: only onto a document that still has no answer. */
  async function place(d: PersonDoc): Promise<string | null> {
    if (d.createdInUnitId !== undefined) return d.createdInUnitId;
    const origin = await originOf(d._id);
    await kit.update(coll().where({ _id: d._id, createdInUnitId: _.exists(false) }), { createdInUnitId: origin });
    d.createdInUnitId = origin;
    return origin;
  }

  return {
    async get(id) {
      const d = await kit.docById<PersonDoc>('people', id, NO_HASH);
      return d ? toPerson(d) : null;
    },
    async getMany(ids) {
      return (await kit.byIds<PersonDoc>('people', ids, NO_HASH)).map(toPerson);
    },
    async findByUsername(username) {
      const [d] = await kit.rows<PersonDoc>(coll().where({ username }).field(NO_HASH).limit(1));
      return d ? toPerson(d) : null;
    },
    async findByOpenid(openid) {
      const [d] = await kit.rows<PersonDoc>(coll().where({ openid }).field(NO_HASH).limit(1));
      return d ? toPerson(d) : null;
    },
    async search(text, paths, limit, opts = {}) {
      if (limit <= 0) return [];
      // Units in scope, archived ones included (a binding on an archived unit still places a person).
      const scope = new Set<string>();
      for (const p of paths) for (const u of await units.listSubtree(p, { includeArchived: true })) scope.add(u.id);
      const match = matching(kit, text);
      const ordered = (match ? coll().where(match) : coll()).field(NO_HASH).orderBy('name', 'asc').orderBy('_id', 'asc');
      const found: Person[] = [];
      for (let read = 0; found.length < limit; ) {
        if (read >= searchBound) {
          // At the bound: the answer is whole only if nothing matched past it.
          if ((await kit.rows(ordered.skip(read).field({ _id: true }).limit(1))).length) throw tooBroad(text, searchBound);
          break;
        }
        const want = Math.min(PAGE, searchBound - read);
        const page = await kit.rows<PersonDoc>(ordered.skip(read).limit(want));
        read += page.length;
        const bound = await boundUnits(page.map((d) => d._id));
        for (const d of page) {
          const unitIds = bound.get(d._id);
          let visible: boolean;
          if (unitIds) visible = unitIds.some((u) => scope.has(u));
          else {
            const origin = await place(d);
            visible = origin === null ? opts.unplaced === true : scope.has(origin);
          }
          if (visible) found.push(toPerson(d));
          if (found.length === limit) break;
        }
        if (page.length < want) break;
      }
      return found;
    },
    async insert(p, passwordHash) {
      const doc = personDoc(p, passwordHash);
      if (p.username === null && p.openid === null) {
        await coll().add(doc);
        return;
      }
      await kit.transaction(async (t) => {
        await claimPersonGuards(t, p);
        await t.add('people', doc);
      });
    },
    async passwordHash(id) {
      const d = await kit.docById<PersonDoc>('people', id, { passwordHash: true });
      return d?.passwordHash ?? null;
    },
    async setPasswordHash(id, hash, at) {
      if ((await kit.update(coll().where({ _id: id }), { passwordHash: hash, version: _.inc(1), updatedAt: at })) === 0) return null;
      const d = await kit.docById<PersonDoc>('people', id, NO_HASH);
      return d ? toPerson(d) : null;
    },
    async clearOpenid(id, at) {
      // With the openid guard in one transaction: the openid is free again the moment it is off the person.
      const after = await kit.transaction(async (t) => {
        const d = await t.get<PersonDoc>('people', id);
        if (!d?.openid) return null;
        const guard = await t.get<PersonGuard>('uniques', openidKey(d.openid));
        // set replaces the document: the field goes (the sparse index skips people without one).
        const { _id, openid: _o, ...fields } = d;
        const next = { ...fields, version: d.version + 1, updatedAt: at };
        await t.set('people', id, next);
        if (guard?.personId === id) await t.remove('uniques', guard._id);
        return { _id, ...next };
      });
      return after ? toPerson(after) : null;
    },
    async correct(id, version, change, at) {
      const d = await kit.docById<PersonDoc>('people', id, NO_HASH);
      if (!d || d.version !== version) return null;
      const name = change.name ?? d.name;
      const phone = change.phone ?? d.phone;
      // The search keys follow the name and phone: a corrected person is found by what they are now, not what they were.
      const patch = { name, phone, searchKeys: searchKeysOf({ name, phone, username: d.username ?? null }), version: version + 1, updatedAt: at };
      if ((await kit.update(coll().where({ _id: id, version }), patch)) !== 1) return null;
      const { searchKeys: _k, ...rest } = { ...d, ...patch };
      return toPerson(rest);
    },
    async setConsent(id, change, at) {
      // One field each, by its path: the field not given keeps what it was, in the same single-document write.
      const patch: Record<string, unknown> = { version: _.inc(1), updatedAt: at };
      if (change.board !== undefined) patch['consent.board'] = change.board;
      if (change.photos !== undefined) patch['consent.photos'] = change.photos;
      if ((await kit.update(coll().where({ _id: id }), patch)) === 0) return null;
      const d = await kit.docById<PersonDoc>('people', id, NO_HASH);
      return d ? toPerson(d) : null;
    },
    async forget(id, at) {
      // With the username and openid guards in one transaction: both are free again the moment they are off the person.
      const after = await kit.transaction(async (t) => {
        const d = await t.get<PersonDoc>('people', id);
        if (!d) return null;
        if (hasLeft(toPerson(d)) && !d.passwordHash) return d;
        for (const key of [d.username ? usernameKey(d.username) : null, d.openid ? openidKey(d.openid) : null]) {
          if (!key) continue;
          const guard = await t.get<PersonGuard>('uniques', key);
          if (guard?.personId === id) await t.remove('uniques', guard._id);
        }
        // set replaces the document: username and openid go (the sparse indexes skip people without them).
        const { _id, username: _u, openid: _o, ...fields } = d;
        const next: PersonDoc = { ...fields, _id, name: LEFT_PERSON_NAME, phone: null, passwordHash: null, searchKeys: [], version: d.version + 1, updatedAt: at };
        const { _id: _i, ...body } = next;
        await t.set('people', id, body);
        return next;
      });
      return after ? toPerson(after) : null;
    },
    async listDemo() {
      const docs = await kit.drainBySkip<PersonDoc>(coll().where({ demo: true }).field(NO_HASH).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map(toPerson);
    },
    async count() {
      return kit.count(coll());
    },
  };
}
