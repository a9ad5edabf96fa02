/**
 * The first street and its first street officer, for a real (non-demo) database: everyone else is
 * then added from the management page. Refuses to run on a database that already has units.
 */
import { DomainError, password, pathOf, personName, unitName, username, type Person, type Unit } from '../../../src/core';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';
import * as z from 'zod';

export const bootstrapInput = z.object({ street: unitName, name: personName, username, password });

export async function bootstrap(deps: Deps, raw: z.input<typeof bootstrapInput>): Promise<{ street: Unit; officer: Person }> {
  const input = bootstrapInput.parse(raw);
  const { store, clock, ids } = deps;
  if ((await store.units.listRoots()).length > 0) throw new DomainError('INPUT.INVALID', '数据库里已经有单位了，不需要初始化');
  const now = clock.now();
  const id = ids.next('str');
  const street: Unit = { id, parentId: null, kind: 'street', name: input.street, path: pathOf(null, id), archived: false, version: 1, createdAt: now, updatedAt: now };
  await store.units.insert(street);
  const officer: Person = { id: ids.next('per'), name: input.name, phone: null, username: input.username, openid: null, demo: false, createdInUnitId: street.id, version: 1, createdAt: now, updatedAt: now };
  await store.people.insert(officer, await hashPassword(input.password));
  await store.bindings.insert({ id: ids.next('bnd'), personId: officer.id, unitId: street.id, role: 'street_officer', createdAt: now, createdBy: null });
  return { street, officer };
}
