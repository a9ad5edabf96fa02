/**
 * Whom a residents import may match by phone: only people within the importer's reach, the ones
 * they may bind (core `mayBindPerson`). A phone held by anyone else is an error on its row that
 * names nobody: matching it would bind a stranger from another community into the importer's
 * building, and the usual "already registered as …" message would tell the importer whose number
 * any phone they type is.
 */
import { mayBindPerson, type ImportRowError, type Person, type Unit } from '../../../../src/core';
import { phone as phoneSchema } from '../../../../src/core/schemas/fields';
import type { Table } from '../../spreadsheets/spreadsheet';
import type { Store } from '../../store/port';
import { bindingsOf } from '../common';
import type { AuthedContext } from '../define';

/** A view of the store for the import's plan (phones match only people within reach), and the rows naming someone beyond it. */
export async function reachOf(ctx: AuthedContext, table: Table): Promise<{ store: Store; beyond: ImportRowError[] }> {
  const { store } = ctx.deps;
  const col = table.header.indexOf('手机号');
  if (col < 0) return { store, beyond: [] };
  const phoneOf = (cells: readonly string[]) => (cells[col] ?? '').replace(/[\s-]/g, '');
  const phones = table.rows.map((r) => phoneOf(r.cells)).filter((p) => phoneSchema.safeParse(p).success);
  const found = phones.length ? await store.imports.findByPhones(phones) : [];
  const units = new Map<string, Unit | null>();
  const createdIn = async (p: Person) => {
    if (!p.createdInUnitId) return null;
    if (!units.has(p.createdInUnitId)) units.set(p.createdInUnitId, await store.units.get(p.createdInUnitId));
    return units.get(p.createdInUnitId) ?? null;
  };
  const reachable = new Set<string>();
  for (const p of found) if (mayBindPerson(ctx.caller.bindings, { homes: await bindingsOf(ctx.deps, p.id), createdIn: await createdIn(p) })) reachable.add(p.id);
  const ours = new Set(found.filter((p) => reachable.has(p.id)).map((p) => p.phone));
  const theirs = new Set(found.filter((p) => !reachable.has(p.id) && !ours.has(p.phone)).map((p) => p.phone));
  const beyond = table.rows
    .filter((r) => theirs.has(phoneOf(r.cells)))
    .map((r) => ({ row: r.row, column: '手机号', message: `手机号 ${phoneOf(r.cells)} 已登记在您管理的范围以外，不能在这里导入；如确是同一人，请联系上级单位办理` }));
  // The plan asks for the same phones again: answered from what was read here (20,000 phones are
  // 200 queries on CloudBase), and from the store only for phones not asked about yet.
  const asked = new Set(phones);
  const imports = {
    ...store.imports,
    findByPhones: async (list: readonly string[]) => {
      const wanted = new Set(list);
      const people = list.every((p) => asked.has(p)) ? found.filter((p) => p.phone !== null && wanted.has(p.phone)) : await store.imports.findByPhones(list);
      return people.filter((p) => reachable.has(p.id));
    },
  };
  return { store: { ...store, imports }, beyond };
}
