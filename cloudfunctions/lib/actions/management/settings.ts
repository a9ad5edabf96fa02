/** A community's deadline settings (反映时限): read, save over the version read, reset to the defaults. */
import { DEFAULT_POLICY, DomainError, STATUSES, UNIT_KIND_LABEL, isOpen, managesReportsIn, type CommunityPolicy, type DeskSettings, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { policyKey, readStoredPolicy, storedPolicyValue } from '../policy';
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

async function writeSettings(ctx: AuthedContext, community: Unit, version: number, policy: CommunityPolicy | null, action: string): Promise<DeskSettings> {
  const { view, raw } = await settingsOf(ctx, community);
  if (view.version !== version) throw new DomainError('CONFLICT.VERSION', '反映时限已被其他人修改，请刷新后再改');
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
    return writeSettings(ctx, community, input.version, input.policy as CommunityPolicy, 'desk.saveSettings');
  }),

  resetSettings: personAction(schemas.management.resetSettings, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    return writeSettings(ctx, community, input.version, null, 'desk.resetSettings');
  }),
};
