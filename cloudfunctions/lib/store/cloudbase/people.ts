/**
 * People on CloudBase: one document per person, `_id` its id, with the password hash beside the
 * port's fields (read only by `passwordHash`; every other read leaves it out).
 *
 * A document omits `username` / `openid` when they are null, so the sparse unique indexes on them
 * accept any number of people without one. Uniqueness itself holds through guard documents added
 * in the person's transaction (guards.ts).
 */
import type { Person } from '../../../../src/core';
import type { PersonRepo, UnitRepo } from '../port';
import type { BindingDoc } from './bindings';
import { claimPersonGuards } from './guards';
import { chunks, PAGE, type CloudbaseKit, type Stored } from './kit';

export interface PersonDoc extends Stored {
  name: string;
  phone: string | null;
  username?: string;
  openid?: string;
  demo: boolean;
  version: number;
  createdAt: number;
  updatedAt: number;
  passwordHash?: string | null;
}

/** Answers that name the person's password hash only when asked. */
export const NO_HASH = { passwordHash: false };

export const toPerson = (d: PersonDoc): Person => ({
  id: d._id,
  name: d.name,
  phone: d.phone ?? null,
  username: d.username ?? null,
  openid: d.openid ?? null,
  demo: d.demo === true,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

function personDoc(p: Person, passwordHash: string | null): PersonDoc {
  const d: PersonDoc = {
    _id: p.id,
    name: p.name,
    phone: p.phone,
    demo: p.demo,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    passwordHash,
  };
  if (p.username !== null) d.username = p.username;
  if (p.openid !== null) d.openid = p.openid;
  return d;
}

export function cloudbasePeople(kit: CloudbaseKit, units: UnitRepo): PersonRepo {
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
    async search(text, paths, limit) {
      if (limit <= 0) return [];
      // Units in scope, archived ones included (a binding on an archived unit still places a person).
      const scope = new Set<string>();
      for (const p of paths) for (const u of await units.listSubtree(p, { includeArchived: true })) scope.add(u.id);
      const re = text === '' ? null : kit.contains(text);
      const base = re ? coll().where(_.or([{ name: re }, { phone: re }, { username: re }])) : coll();
      const ordered = base.field(NO_HASH).orderBy('name', 'asc').orderBy('_id', 'asc');
      const found: Person[] = [];
      for (let skip = 0; found.length < limit; skip += PAGE) {
        const page = await kit.rows<PersonDoc>(ordered.skip(skip).limit(PAGE));
        const bound = await boundUnits(page.map((d) => d._id));
        for (const d of page) {
          const unitIds = bound.get(d._id);
          if (!unitIds || unitIds.some((u) => scope.has(u))) found.push(toPerson(d));
          if (found.length === limit) break;
        }
        if (page.length < PAGE) break;
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
    async listDemo() {
      const docs = await kit.drainBySkip<PersonDoc>(coll().where({ demo: true }).field(NO_HASH).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map(toPerson);
    },
    async count() {
      return kit.count(coll());
    },
  };
}
