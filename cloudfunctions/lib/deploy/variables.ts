/**
 * A deployed function's environment variables after `npm run deploy`. The manager SDK sends the
 * variables it is given as the whole set, on create and on a forced update alike (its
 * configToParams and updateFunctionConfig: "覆盖式修改，不保留已有字段"), so deploying with
 * `{ JINLIN_STORE }` alone would wipe what staff set in the console: JINLIN_SECRET (every web user
 * signed out), JINLIN_SUBSCRIBE_TEMPLATES, JINLIN_MP_VERSION, JINLIN_ALLOWED_ORIGINS. So deploy reads
 * the function's variables first and sends them back with its own: the ones the plan owns (the
 * store and the collection prefix the deploy created collections for) set, every other one kept.
 * Values are never printed: only the names of what is kept, and the plan's own values.
 */

export type EnvVariable = { Key: string; Value: string };

export type VariableChange = { key: string; change: 'added' | 'changed' | 'kept' | 'removed' };

export interface MergedVariables {
  variables: Record<string, string>;
  changes: VariableChange[];
}

/** The variables the deploy owns on every function: the store, and the prefix its collections were created with. */
export function plannedVariables(prefix: string): Record<string, string> {
  // No empty value: a function without the prefix reads unprefixed collections (store/cloudbase/env.ts).
  return prefix ? { JINLIN_STORE: 'cloudbase', JINLIN_COLLECTION_PREFIX: prefix } : { JINLIN_STORE: 'cloudbase' };
}

/** Names the deploy owns even when it does not set them (an empty prefix is the absence of one). */
const OWNED = ['JINLIN_STORE', 'JINLIN_COLLECTION_PREFIX'];

/**
 * The function's variables after this deploy: `existing` (null for a new function) with `planned`
 * laid over it. A prefix the function has and the plan does not (or another one) is a change of
 * which collections the function reads: refused unless `newPrefix`, since the data would seem gone.
 * A function with no prefix gets the plan's: deploys before this one never passed it, so such a
 * function was reading collections the deploy had not made.
 */
export function mergeVariables(name: string, existing: readonly EnvVariable[] | null, planned: Record<string, string>, opts: { newPrefix?: boolean } = {}): MergedVariables {
  const before = new Map((existing ?? []).map((v) => [v.Key, v.Value]));
  const oldPrefix = before.get('JINLIN_COLLECTION_PREFIX') ?? '';
  const newPrefix = planned.JINLIN_COLLECTION_PREFIX ?? '';
  if (existing && oldPrefix !== '' && oldPrefix !== newPrefix && !opts.newPrefix)
    throw new Error(
      `云函数 ${name} 现在读写前缀为“${oldPrefix}”的集合，本次部署的前缀是“${newPrefix}”：换前缀后它将看不到原有数据。` +
        `请用 JINLIN_COLLECTION_PREFIX=${oldPrefix} 部署；确实要换到新集合，加 --new-prefix`,
    );
  const variables: Record<string, string> = {};
  const changes: VariableChange[] = [];
  for (const [key, value] of before) {
    if (OWNED.includes(key) && !(key in planned)) {
      changes.push({ key, change: 'removed' });
      continue;
    }
    variables[key] = key in planned ? planned[key] : value;
    changes.push({ key, change: key in planned && planned[key] !== value ? 'changed' : 'kept' });
  }
  for (const [key, value] of Object.entries(planned))
    if (!before.has(key)) {
      variables[key] = value;
      changes.push({ key, change: 'added' });
    }
  changes.sort((a, b) => a.key.localeCompare(b.key));
  return { variables, changes };
}

const LABEL: Record<VariableChange['change'], string> = { added: '新增', changed: '改为', kept: '保留', removed: '删除' };

/**
 * One line for the deploy's log: the plan's own variables with their values, the others by name
 * only (JINLIN_SECRET's value must never reach a terminal or a CI log).
 */
export function describeVariables(merged: MergedVariables, planned: Record<string, string>): string {
  const parts = (['added', 'changed', 'removed', 'kept'] as const)
    .map((change) => {
      const keys = merged.changes.filter((c) => c.change === change).map((c) => (c.key in planned && change !== 'removed' ? `${c.key}=${planned[c.key]}` : c.key));
      return keys.length ? `${LABEL[change]} ${keys.join('、')}` : '';
    })
    .filter(Boolean);
  return `环境变量：${parts.join('；')}`;
}
