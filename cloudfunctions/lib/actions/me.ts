/**
 * How a person reads themselves (Me): their roles with where they hold them, and which pages they
 * work from. Apart from auth.ts so that registration can answer it to a WeChat user approved at once
 * without bundling the auth function's actions.
 */
import { ROLE_LABEL, ancestorIds, isHandler, isStaff, viewPerson, type Me } from '../../../src/core';
import type { Deps } from '../deps';
import type { Caller } from './define';

export async function describeMe(deps: Deps, caller: Caller): Promise<Me> {
  const needed = new Set<string>();
  for (const b of caller.bindings) for (const id of ancestorIds(b.unit.path)) needed.add(id);
  const names = new Map((await deps.store.units.getMany([...needed])).map((u) => [u.id, u.name]));
  const live = caller.bindings.filter((b) => !b.unit.archived);
  return {
    registered: true,
    person: viewPerson(caller.person),
    bindings: live.map((b) => ({
      id: b.binding.id,
      role: b.role,
      roleLabel: ROLE_LABEL[b.role],
      unit: { id: b.unit.id, name: b.unit.name, kind: b.unit.kind, path: b.unit.path },
      trail: ancestorIds(b.unit.path)
        .map((id) => names.get(id) ?? '')
        .filter(Boolean)
        .join(' / '),
    })),
    isStaff: isStaff(live),
    isHandler: isHandler(live),
  };
}
