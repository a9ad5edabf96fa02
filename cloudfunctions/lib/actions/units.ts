import {
  DomainError,
  ROLE_LABEL,
  ROLE_UNIT_KINDS,
  bindNeedsRefusal,
  canBeChildOf,
  canBind,
  mayBindPerson,
  pathOf,
  scopeRoots,
  viewPerson,
  type Binding,
  type BindingView,
  type Unit,
} from '../../../src/core';
import * as schemas from '../../../src/core/schemas/units';
import { audit, bindingsOf, demand, loadUnit } from './common';
import { personAction, type AuthedContext, type FunctionDef } from './define';
import { grids } from './grids';

function bindingView(b: Binding, person: Parameters<typeof viewPerson>[0]): BindingView {
  return { id: b.id, role: b.role, roleLabel: ROLE_LABEL[b.role], unitId: b.unitId, person: viewPerson(person), createdAt: b.createdAt };
}

function conflict(): never {
  throw new DomainError('CONFLICT.VERSION');
}

async function ensureNameFree(ctx: AuthedContext, parentId: string, name: string, selfId: string | null, field: string) {
  const twin = await ctx.deps.store.units.findChildByName(parentId, name);
  if (twin && twin.id !== selfId) throw new DomainError('UNIT.NAME_TAKEN', `“${name}”已经存在于同一上级下`, field);
}

export const units: FunctionDef = {
  tree: personAction(schemas.units.tree, async (ctx, input) => {
    const { store } = ctx.deps;
    const opts = { includeArchived: input.includeArchived ?? false };
    if (input.rootId) {
      const root = await loadUnit(ctx, input.rootId, 'rootId');
      demand(ctx, 'unit.view', root);
      return { units: await store.units.listSubtree(root.path, opts) };
    }
    const roots = scopeRoots(ctx.caller.bindings, 'unit.view');
    const lists = await Promise.all(roots.map((r) => store.units.listSubtree(r.path, opts)));
    return { units: lists.flat() };
  }),

  create: personAction(schemas.units.create, async (ctx, input) => {
    const parent = await loadUnit(ctx, input.parentId, 'parentId');
    demand(ctx, 'unit.manage', parent);
    if (parent.archived) throw new DomainError('UNIT.ARCHIVED', '上级单位已归档，不能在它下面新建', 'parentId');
    if (!canBeChildOf(input.kind, parent.kind)) throw new DomainError('UNIT.BAD_PARENT', undefined, 'kind');
    await ensureNameFree(ctx, parent.id, input.name, null, 'name');
    const now = ctx.deps.clock.now();
    const id = ctx.deps.ids.next(input.kind.slice(0, 3));
    const unit: Unit = {
      id,
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      path: pathOf(parent, id),
      archived: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.deps.store.units.insert(unit);
    await audit(ctx, 'units.create', 'unit', id, { parentId: parent.id, kind: unit.kind, name: unit.name }, unit.path);
    return unit;
  }),

  rename: personAction(schemas.units.rename, async (ctx, input) => {
    const unit = await loadUnit(ctx, input.id);
    demand(ctx, 'unit.manage', unit);
    if (unit.archived) throw new DomainError('UNIT.ARCHIVED');
    if (unit.parentId) await ensureNameFree(ctx, unit.parentId, input.name, unit.id, 'name');
    const updated = (await ctx.deps.store.units.update(unit.id, input.version, { name: input.name }, ctx.deps.clock.now())) ?? conflict();
    await audit(ctx, 'units.rename', 'unit', unit.id, { from: unit.name, to: input.name }, unit.path);
    return updated;
  }),

  move: personAction(schemas.units.move, async (ctx, input) => {
    const unit = await loadUnit(ctx, input.id);
    if (unit.kind === 'street') throw new DomainError('UNIT.ROOT_LOCKED');
    demand(ctx, 'unit.manage', unit, true);
    const parent = await loadUnit(ctx, input.parentId, 'parentId');
    demand(ctx, 'unit.manage', parent);
    if (unit.archived) throw new DomainError('UNIT.ARCHIVED');
    if (parent.path.startsWith(unit.path)) throw new DomainError('UNIT.CYCLE', undefined, 'parentId');
    if (parent.archived) throw new DomainError('UNIT.ARCHIVED', '目标上级单位已归档', 'parentId');
    if (!canBeChildOf(unit.kind, parent.kind)) throw new DomainError('UNIT.BAD_PARENT', undefined, 'parentId');
    if (parent.id === unit.parentId) return unit.version === input.version ? unit : conflict();
    await ensureNameFree(ctx, parent.id, unit.name, unit.id, 'parentId');
    const moved = (await ctx.deps.store.units.move(unit.id, input.version, parent, ctx.deps.clock.now())) ?? conflict();
    await audit(ctx, 'units.move', 'unit', unit.id, { fromParentId: unit.parentId, toParentId: parent.id }, moved.path);
    return moved;
  }),

  archive: personAction(schemas.units.archive, async (ctx, input) => {
    const unit = await loadUnit(ctx, input.id);
    if (unit.kind === 'street') throw new DomainError('UNIT.ROOT_LOCKED');
    demand(ctx, 'unit.manage', unit, true);
    if (unit.archived) throw new DomainError('UNIT.ARCHIVED');
    if ((await ctx.deps.store.units.countLiveChildren(unit.id)) > 0) throw new DomainError('UNIT.HAS_CHILDREN');
    const archived = (await ctx.deps.store.units.update(unit.id, input.version, { archived: true }, ctx.deps.clock.now())) ?? conflict();
    await audit(ctx, 'units.archive', 'unit', unit.id, { name: unit.name }, unit.path);
    return archived;
  }),

  bindings: personAction(schemas.units.bindings, async (ctx, input) => {
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    demand(ctx, 'person.view', unit);
    const list = await ctx.deps.store.bindings.listForUnit(unit.id);
    const people = new Map((await ctx.deps.store.people.getMany([...new Set(list.map((b) => b.personId))])).map((p) => [p.id, p]));
    return list.filter((b) => people.has(b.personId)).map((b) => bindingView(b, people.get(b.personId)!));
  }),

  bind: personAction(schemas.units.bind, async (ctx, input) => {
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    if (!canBind(ctx.caller.bindings, input.role, unit)) throw new DomainError('AUTH.FORBIDDEN');
    if (unit.archived) throw new DomainError('UNIT.ARCHIVED');
    if (!ROLE_UNIT_KINDS[input.role].includes(unit.kind)) throw new DomainError('ROLE.BAD_UNIT', undefined, 'role');
    const person = await ctx.deps.store.people.get(input.personId);
    // Someone who lives outside the caller's reach is as unknown to them as someone who does not exist.
    const createdIn = person?.createdInUnitId ? await ctx.deps.store.units.get(person.createdInUnitId) : null;
    const homes = person ? await bindingsOf(ctx.deps, person.id) : [];
    if (!person || !mayBindPerson(ctx.caller.bindings, { homes, createdIn })) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
    // A grid's lead is one of the branch's members, its steward one of the property company's (grids.ts).
    const notYet = bindNeedsRefusal(input.role, homes, unit);
    if (notYet) throw new DomainError('ROLE.NOT_ELIGIBLE', notYet, 'personId');
    const binding: Binding = {
      id: ctx.deps.ids.next('bnd'),
      personId: person.id,
      unitId: unit.id,
      role: input.role,
      createdAt: ctx.deps.clock.now(),
      createdBy: ctx.caller.person.id,
    };
    if (!(await ctx.deps.store.bindings.insert(binding))) throw new DomainError('ROLE.ALREADY_BOUND');
    await audit(ctx, 'units.bind', 'binding', binding.id, { unitId: unit.id, personId: person.id, role: input.role }, unit.path);
    return bindingView(binding, person);
  }),

  unbind: personAction(schemas.units.unbind, async (ctx, input) => {
    const binding = await ctx.deps.store.bindings.get(input.bindingId);
    if (!binding) throw new DomainError('BINDING.NOT_FOUND', undefined, 'bindingId');
    const unit = await loadUnit(ctx, binding.unitId, 'bindingId');
    if (!canBind(ctx.caller.bindings, binding.role, unit)) throw new DomainError('AUTH.FORBIDDEN');
    if (!(await ctx.deps.store.bindings.remove(binding.id))) throw new DomainError('BINDING.NOT_FOUND', undefined, 'bindingId');
    await audit(ctx, 'units.unbind', 'binding', binding.id, { unitId: unit.id, personId: binding.personId, role: binding.role }, unit.path);
    return { removed: true as const };
  }),
  ...grids,
};
