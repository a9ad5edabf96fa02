/**
 * A community's kinds of households (户类别: 独居老人, 低保, 残疾, 高龄, …), as the pairing form
 * offers them: the defaults of core until staff save their own. Kept as the meta key
 * `pairingKinds:<communityId>` = `{ "version": n, "kinds": [...] }`, written by compare-and-set so
 * two editors at once cannot lose each other's change.
 */
import {
  DEFAULT_HOUSEHOLD_KINDS,
  DomainError,
  mayEditKinds,
  normaliseKinds,
  type HouseholdKindsView,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/pairings';
import type { Deps } from '../../deps';
import { unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { communityOf } from './scope';

export const kindsKey = (communityId: string) => `pairingKinds:${communityId}`;

interface StoredKinds {
  kinds: string[];
  isDefault: boolean;
  version: number;
}

function readKinds(raw: string | null): StoredKinds {
  if (!raw) return { kinds: [...DEFAULT_HOUSEHOLD_KINDS], isDefault: true, version: 0 };
  const parsed = JSON.parse(raw) as { version: number; kinds: string[] };
  return { kinds: parsed.kinds, isDefault: false, version: parsed.version };
}

/** The kinds a community offers now. */
export async function kindsOf(deps: Deps, communityId: string): Promise<string[]> {
  return readKinds(await deps.store.meta.get(kindsKey(communityId))).kinds;
}

const view = (community: Unit, k: StoredKinds): HouseholdKindsView => ({ community: unitRef(community), kinds: k.kinds, isDefault: k.isDefault, version: k.version });

/** The community the caller asks about: `unitId`'s, else that of their first binding inside a community. */
async function askedCommunity(ctx: AuthedContext, unitId: string | undefined): Promise<Unit> {
  const start = unitId ? await ctx.deps.store.units.get(unitId) : await firstBoundUnit(ctx);
  if (!start) throw new DomainError('UNIT.NOT_FOUND', unitId ? undefined : '请选择一个社区', 'unitId');
  const community = await communityOf(ctx, start);
  if (!community) throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：户类别是每个社区自己定的', 'unitId');
  // Anyone bound in the community or above it reads the list (the names of kinds, no household's).
  const within = ctx.caller.bindings.some((b) => !b.unit.archived && (community.path.startsWith(b.unit.path) || b.unit.path.startsWith(community.path)));
  if (!within) throw new DomainError('AUTH.FORBIDDEN', `您不在${community.name}，看不到它的户类别`, 'unitId');
  return community;
}

async function firstBoundUnit(ctx: AuthedContext): Promise<Unit | null> {
  const b = ctx.caller.bindings.find((x) => !x.unit.archived && x.unit.kind !== 'street');
  return b ? ctx.deps.store.units.get(b.unit.id) : null;
}

export const kinds: FunctionDef = {
  kinds: personAction(schemas.pairings.kinds, async (ctx, input) => {
    const community = await askedCommunity(ctx, input.unitId);
    return view(community, readKinds(await ctx.deps.store.meta.get(kindsKey(community.id))));
  }),

  saveKinds: personAction(schemas.pairings.saveKinds, async (ctx, input) => {
    const { deps } = ctx;
    const community = await deps.store.units.get(input.communityId);
    if (!community || community.kind !== 'community') throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：户类别是每个社区自己定的', 'communityId');
    if (!mayEditKinds(ctx.caller.bindings, community)) throw new DomainError('AUTH.FORBIDDEN', '户类别只有社区工作人员和社区书记能修改', 'communityId');
    const list = normaliseKinds(input.kinds);
    if (list.length === 0) throw new DomainError('INPUT.INVALID', '至少保留一个户类别', 'kinds');
    const raw = await deps.store.meta.get(kindsKey(community.id));
    const before = readKinds(raw);
    if (before.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const next: StoredKinds = { kinds: list, isDefault: false, version: before.version + 1 };
    if (!(await deps.store.meta.compareAndSet(kindsKey(community.id), raw, JSON.stringify({ version: next.version, kinds: list })))) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'pairings.saveKinds', 'settings', community.id, { from: before.kinds, to: list }, community.path);
    return view(community, next);
  }),
};
