/**
 * Role bindings on CloudBase. A binding's `_id` is bindingKey(personId, unitId, role), not its id
 * (that is the `id` field): adding the same triple twice hits the same `_id`, so `insert` keeps
 * the first (guards.ts).
 */
import type { Binding } from '../../../../src/core';
import type { BindingRepo } from '../port';
import { bindingKey } from './guards';
import { chunks, type CloudbaseKit, type Stored } from './kit';

/** A binding as stored: `_id` is its guard key (see guards.ts), the port's id a field. */
export interface BindingDoc extends Stored, Binding {}

/** A binding as read; `door` is there only when known (Binding.door is optional). */
export const toBinding = (d: BindingDoc): Binding => {
  const b: Binding = {
    id: d.id,
    personId: d.personId,
    unitId: d.unitId,
    role: d.role,
    createdAt: d.createdAt,
    createdBy: d.createdBy ?? null,
  };
  if (d.door) b.door = d.door;
  return b;
};

/** The document of a binding: `_id` its guard key, `door` null when not known. */
export const bindingDoc = (b: Binding): BindingDoc => ({
  _id: bindingKey(b.personId, b.unitId, b.role),
  id: b.id,
  personId: b.personId,
  unitId: b.unitId,
  role: b.role,
  createdAt: b.createdAt,
  createdBy: b.createdBy,
  door: b.door ?? null,
});

export function cloudbaseBindings(kit: CloudbaseKit): BindingRepo {
  const _ = kit.command;
  const coll = () => kit.coll('bindings');
  return {
    async get(id) {
      const [d] = await kit.rows<BindingDoc>(coll().where({ id }).limit(1));
      return d ? toBinding(d) : null;
    },
    async listForPerson(personId) {
      return (await kit.drainBySkip<BindingDoc>(coll().where({ personId }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))).map(toBinding);
    },
    async listForUnit(unitId) {
      return (await kit.drainBySkip<BindingDoc>(coll().where({ unitId }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))).map(toBinding);
    },
    async listWithRoles(unitIds, roles) {
      if (unitIds.length === 0 || roles.length === 0) return [];
      const out: Binding[] = [];
      for (const part of chunks([...new Set(unitIds)])) {
        const q = coll().where({ unitId: _.in(part), role: _.in([...roles]) }).orderBy('createdAt', 'asc').orderBy('id', 'asc');
        out.push(...(await kit.drainBySkip<BindingDoc>(q)).map(toBinding));
      }
      return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async find(personId, unitId, role) {
      const d = await kit.docById<BindingDoc>('bindings', bindingKey(personId, unitId, role));
      return d ? toBinding(d) : null;
    },
    async insert(b) {
      return kit.addOnce('bindings', bindingDoc(b));
    },
    async remove(id) {
      return (await kit.remove(coll().where({ id }))) === 1;
    },
  };
}
