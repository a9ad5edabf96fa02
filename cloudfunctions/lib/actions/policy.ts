/**
 * A community's deadline policy and how it is kept: the meta key `policy:<communityId>` holds
 * `{ "version": n, "policy": {...} | null }` (null: reset to the defaults). An older value without
 * the wrapper is a bare partial policy, read as version 1.
 */
import { DEFAULT_POLICY, DomainError, findCategory, type Category, type CommunityPolicy } from '../../../src/core';
import type { Deps } from '../deps';

export const policyKey = (communityId: string) => `policy:${communityId}`;

export interface StoredPolicy {
  policy: CommunityPolicy;
  isDefault: boolean;
  version: number;
}

/**
 * A saved policy over the defaults, `levels` one level deeper: settings saved before the grid could
 * be a level have four levels and no `gridLevel`, and read as the grid's default deadlines, level off;
 * settings saved before the retention setting read as its default (3 years).
 */
export function withDefaults(saved: Partial<CommunityPolicy>): CommunityPolicy {
  return { ...DEFAULT_POLICY, ...saved, gridLevel: saved.gridLevel ?? DEFAULT_POLICY.gridLevel, retentionYears: saved.retentionYears ?? DEFAULT_POLICY.retentionYears, levels: { ...DEFAULT_POLICY.levels, ...(saved.levels ?? {}) } };
}

export function readStoredPolicy(raw: string | null): StoredPolicy {
  if (!raw) return { policy: DEFAULT_POLICY, isDefault: true, version: 0 };
  const parsed = JSON.parse(raw) as { version?: unknown; policy?: Partial<CommunityPolicy> | null } & Partial<CommunityPolicy>;
  if (typeof parsed.version === 'number' && 'policy' in parsed) {
    return parsed.policy ? { policy: withDefaults(parsed.policy), isDefault: false, version: parsed.version } : { policy: DEFAULT_POLICY, isDefault: true, version: parsed.version };
  }
  return { policy: withDefaults(parsed), isDefault: false, version: 1 };
}

export function storedPolicyValue(version: number, policy: CommunityPolicy | null): string {
  return JSON.stringify({ version, policy });
}

/** The deadline policy of a community: its own if staff saved one, else the defaults. */
export async function policyFor(deps: Deps, communityId: string | null): Promise<CommunityPolicy> {
  if (!communityId) return DEFAULT_POLICY;
  return readStoredPolicy(await deps.store.meta.get(policyKey(communityId))).policy;
}

/** A category of the policy; an unknown code is the caller's mistake. */
export function categoryOf(policy: CommunityPolicy, code: string): Category {
  const c = findCategory(policy, code);
  if (!c) throw new DomainError('REPORT.CATEGORY_UNKNOWN', undefined, 'category');
  return c;
}
