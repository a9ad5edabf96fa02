/** A community's deadline settings (反映时限): read, save over the version read, reset to the defaults. */
import { DEFAULT_POLICY, DomainError, STATUSES, UNIT_KIND_LABEL, isOpen, managesReportsIn, type CommunityPolicy, type DeskSettings, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { policyKey, readStoredPolicy, storedPolicyValue, withDefaults } from '../policy';
import { ref, staffRoots } from './scope';

const OPEN = STATUSES.filter(isOpen);

async function communityFor(ctx: AuthedContext, communityId: string): Promise<Unit> {
  staffRoots(ctx);
  const unit = await ctx.deps.store.units.get(communityId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'communityId');
  if (!managesReportsIn(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', '只有本社区的工作人员、书记或上级街道可以设置反映时限');
  if (unit.kind !== 'community') throw new DomainError('INPUT.INVALID', `反映时限按社区设置，“${unit.name}”是${UNIT_KIND_LABEL[unit.kind]}`, 'communityId');
  return unit;
}

async function settingsOf(ctx: AuthedContext, community: Unit): Promise<{ view: DeskSettings; raw: string | null }> {
  const raw = await ctx.deps.store.meta.get(policyKey(community.id));
  const s = readStoredPolicy(raw);
  return { view: { community: ref(community), policy: s.policy, isDefault: s.isDefault, version: s.version }, raw };
}

/**
 * Override cells left empty mean "the level's default": dropped, so that they neither count as a change nor get kept.
 * A page that knows nothing of the grid sends no grid deadlines and no switch: read as the defaults, level off.
 */
function canonical(saved: CommunityPolicy): CommunityPolicy {
  const p = withDefaults(saved);
  const overrides: CommunityPolicy['overrides'] = {};
  for (const [code, byLevel] of Object.entries(p.overrides ?? {})) {
    const kept = Object.entries(byLevel ?? {})
      .map(([level, cell]) => [level, Object.fromEntries(Object.entries(cell ?? {}).filter(([, v]) => v !== undefined && v !== null))] as const)
      .filter(([, cell]) => Object.keys(cell).length > 0);
    if (kept.length) overrides[code] = Object.fromEntries(kept);
  }
  return { ...p, overrides };
}

/** JSON with every object's keys in order: two policies that mean the same read the same. */
function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x);
}

const samePolicy = (a: CommunityPolicy, b: CommunityPolicy) => stableJson(canonical(a)) === stableJson(canonical(b));

/**
 * Saves over the version read. Nothing that changes nothing is written: saving the settings as they
 * are (or resetting defaults that are the defaults) answers them as they are, with no new version and
 * no audit entry, so the version count stays a count of changes.
 */
async function writeSettings(ctx: AuthedContext, community: Unit, version: number, policy: CommunityPolicy | null, action: string): Promise<DeskSettings> {
  const { view, raw } = await settingsOf(ctx, community);
  if (view.version !== version) throw new DomainError('CONFLICT.VERSION', '反映时限已被其他人修改，请刷新后再改');
  // Saving the defaults unchanged keeps them the defaults (they follow DEFAULT_POLICY, a saved copy would not).
  if (policy === null ? view.isDefault : samePolicy(policy, view.policy)) return view;
  const next = version + 1;
  if (!(await ctx.deps.store.meta.compareAndSet(policyKey(community.id), raw, storedPolicyValue(next, policy)))) throw new DomainError('CONFLICT.VERSION', '反映时限已被其他人修改，请刷新后再改');
  await audit(ctx, action, 'settings', community.id, { version: next, categories: (policy ?? DEFAULT_POLICY).categories.length }, community.path);
  return (await settingsOf(ctx, community)).view;
}

export const settings: FunctionDef = {
  settings: personAction(schemas.management.settings, async (ctx, input) => (await settingsOf(ctx, await communityFor(ctx, input.communityId))).view),

  saveSettings: personAction(schemas.management.saveSettings, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    const current = (await settingsOf(ctx, community)).view.policy;
    // A category cannot go while reports of it are open: their handlers still need its deadlines.
    const kept = new Set(input.policy.categories.map((c) => c.code));
    for (const c of current.categories.filter((x) => !kept.has(x.code))) {
      const open = await ctx.deps.store.reportQueries.count({ path: community.path, now: ctx.deps.clock.now(), statuses: [...OPEN], categories: [c.code] });
      if (open > 0) throw new DomainError('INPUT.INVALID', `类别“${c.name}”还有 ${open} 件未办结的反映，暂时不能删除`, 'policy.categories');
    }
    return writeSettings(ctx, community, input.version, canonical(input.policy as CommunityPolicy), 'desk.saveSettings');
  }),

  resetSettings: personAction(schemas.management.resetSettings, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    return writeSettings(ctx, community, input.version, null, 'desk.resetSettings');
  }),
};
