/**
 * Deploying the functions keeps what staff set on them: the manager SDK sends a function's
 * environment variables as the whole set (on create and on a forced update alike), so the deploy
 * reads them first and gives them back with its own (JINLIN_STORE and the collection prefix). And a
 * function created on an old runtime is recreated only when asked, its variables given back.
 */
import path from 'node:path';
import { applyFunctionSteps, describeFunctionStep, planFunctionSteps, type FunctionDeployApi, type FunctionSpec } from '../../cloudfunctions/lib/deploy/functions';
import { deployPlan, RUNTIME } from '../../cloudfunctions/lib/deploy/plan';
import { mergeVariables } from '../../cloudfunctions/lib/deploy/variables';

const root = path.resolve(__dirname, '../..');
const plan = () => deployPlan(root);
const SECRET = 'a-session-key-nobody-may-read';

type Vars = Record<string, string>;

/** An environment as CloudBase's manager API describes it, recording every call deploy makes. */
function environment(functions: Record<string, { runtime?: string; vars?: Vars }>) {
  const calls: string[] = [];
  const created: FunctionSpec[] = [];
  const state = new Map(Object.entries(functions));
  const api: FunctionDeployApi = {
    async listAllFunctions({ envId }) {
      expect(envId).toBe('env-1');
      return [...state.keys()].map((FunctionName) => ({ FunctionName, Status: 'Active' }));
    },
    async getFunctionDetail(name) {
      calls.push(`detail ${name}`);
      const f = state.get(name)!;
      return { Runtime: f.runtime ?? 'Nodejs16.13', Environment: { Variables: Object.entries(f.vars ?? {}).map(([Key, Value]) => ({ Key, Value })) } };
    },
    async createFunction({ func, force }) {
      calls.push(`create ${func.name}${force ? ' force' : ''}`);
      created.push(func);
      // What the service then holds: the variables sent replace the old set, and a runtime changes only on a real create.
      const before = state.get(func.name);
      state.set(func.name, { runtime: before?.runtime ?? func.runtime, vars: { ...func.envVariables } });
    },
    async deleteFunction(name) {
      calls.push(`delete ${name}`);
      state.delete(name);
    },
  };
  return { api, calls, created, state };
}

const consoleSet: Vars = {
  JINLIN_STORE: 'cloudbase',
  JINLIN_SECRET: SECRET,
  JINLIN_SUBSCRIBE_TEMPLATES: '{"report.assigned":{"templateId":"t1","data":{"thing1":"title"}}}',
  JINLIN_MP_VERSION: 'trial',
};

describe('deploying the functions', () => {
  it('keeps the variables staff set on each function and passes the collection prefix', async () => {
    const names = plan().functions.map((f) => f.name);
    const env = environment(Object.fromEntries(names.map((n) => [n, { runtime: RUNTIME, vars: consoleSet }])));
    const steps = await planFunctionSteps(env.api, 'env-1', plan(), { prefix: 'pre_' });
    expect(env.calls.every((c) => c.startsWith('detail '))).toBe(true);
    await applyFunctionSteps(env.api, steps, { envId: 'env-1', functionRootPath: '/dist', upgradeRuntime: false }, () => {});

    expect(env.created.map((f) => f.name)).toEqual(names);
    for (const f of env.created) {
      expect(f.envVariables).toEqual({ ...consoleSet, JINLIN_COLLECTION_PREFIX: 'pre_' });
      expect(f.runtime).toBe(RUNTIME);
    }
    // Deployed again: nothing lost, nothing new.
    const again = await planFunctionSteps(env.api, 'env-1', plan(), { prefix: 'pre_' });
    expect(again[0].variables.changes.every((c) => c.change === 'kept')).toBe(true);
    expect(env.state.get('auth')!.vars).toEqual({ ...consoleSet, JINLIN_COLLECTION_PREFIX: 'pre_' });
  });

  it('gives a new function the store and the prefix, with each function’s timeout, trigger and the runtime', async () => {
    const env = environment({});
    const steps = await planFunctionSteps(env.api, 'env-1', plan(), { prefix: '' });
    expect(env.calls).toEqual([]);
    await applyFunctionSteps(env.api, steps, { envId: 'env-1', functionRootPath: '/dist', upgradeRuntime: false }, () => {});
    const timer = env.created.find((f) => f.name === 'timer')!;
    expect(timer).toMatchObject({ runtime: RUNTIME, installDependency: false, handler: 'index.main', envVariables: { JINLIN_STORE: 'cloudbase' } });
    expect(timer.timeout).toBe(plan().functions.find((f) => f.name === 'timer')!.config.timeout);
    expect(timer.triggers).toHaveLength(1);
    expect(env.calls.every((c) => / force$/.test(c))).toBe(true);
  });

  it('prints what changed by name, and the values of its own variables only', async () => {
    const env = environment({ auth: { runtime: RUNTIME, vars: { ...consoleSet, JINLIN_STORE: 'sqlite' } } });
    const [auth] = await planFunctionSteps(env.api, 'env-1', { functions: plan().functions.filter((f) => f.name === 'auth') }, { prefix: 'pre_' });
    const line = describeFunctionStep(auth, 'pre_', false);
    expect(line).toBe(
      `  云函数 auth：${RUNTIME}；环境变量：新增 JINLIN_COLLECTION_PREFIX=pre_；改为 JINLIN_STORE=cloudbase；保留 JINLIN_MP_VERSION、JINLIN_SECRET、JINLIN_SUBSCRIBE_TEMPLATES`,
    );
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain('templateId');
  });

  it('refuses to move functions to another prefix’s collections unless asked, before writing anything', async () => {
    const env = environment({ auth: { runtime: RUNTIME, vars: { ...consoleSet, JINLIN_COLLECTION_PREFIX: 'old_' } } });
    await expect(planFunctionSteps(env.api, 'env-1', plan(), { prefix: 'new_' })).rejects.toThrow(/前缀为“old_”.*JINLIN_COLLECTION_PREFIX=old_.*--new-prefix/);
    await expect(planFunctionSteps(env.api, 'env-1', plan(), { prefix: '' })).rejects.toThrow(/前缀为“old_”/);
    expect(env.calls.filter((c) => !c.startsWith('detail '))).toEqual([]);
    const moved = await planFunctionSteps(env.api, 'env-1', plan(), { prefix: '', newPrefix: true });
    const auth = moved.find((s) => s.spec.name === 'auth')!;
    expect(auth.spec.envVariables).toEqual(consoleSet);
    expect(auth.variables.changes).toContainEqual({ key: 'JINLIN_COLLECTION_PREFIX', change: 'removed' });
  });

  it('leaves a function on its old runtime unless asked, and then recreates it with its variables', async () => {
    const env = environment({ reports: { runtime: 'Nodejs16.13', vars: consoleSet }, auth: { runtime: RUNTIME, vars: consoleSet } });
    const only = { functions: plan().functions.filter((f) => f.name === 'reports' || f.name === 'auth') };
    const steps = await planFunctionSteps(env.api, 'env-1', only, { prefix: '' });
    expect(steps.map((s) => [s.spec.name, s.oldRuntime])).toEqual([
      ['auth', null],
      ['reports', 'Nodejs16.13'],
    ]);
    expect(describeFunctionStep(steps[1], '', false)).toContain('仍是 Nodejs16.13（运行时只能在创建时指定：加 --upgrade-runtime');

    const log: string[] = [];
    await applyFunctionSteps(env.api, steps, { envId: 'env-1', functionRootPath: '/dist', upgradeRuntime: false }, (l) => log.push(l));
    expect(env.state.get('reports')!.runtime).toBe('Nodejs16.13');
    expect(log).toEqual(['✓ 云函数 auth', '✓ 云函数 reports（运行时仍是 Nodejs16.13）']);

    env.calls.length = 0;
    log.length = 0;
    await applyFunctionSteps(env.api, steps, { envId: 'env-1', functionRootPath: '/dist', upgradeRuntime: true, sleep: async () => {} }, (l) => log.push(l));
    expect(env.calls).toEqual(['create auth force', 'delete reports', 'create reports force']);
    expect(env.state.get('reports')).toEqual({ runtime: RUNTIME, vars: consoleSet });
    expect(log[1]).toBe(`✓ 云函数 reports（已从 Nodejs16.13 重建为 ${RUNTIME}）`);
  });

  it('waits for a deleted function to be gone before creating it again', async () => {
    const env = environment({ reports: { runtime: 'Nodejs16.13', vars: consoleSet } });
    const steps = await planFunctionSteps(env.api, 'env-1', { functions: plan().functions.filter((f) => f.name === 'reports') }, { prefix: '' });
    // Deletion finishes a little after the call answers: the name stays listed for two more looks.
    let lingering = 2;
    const { deleteFunction, listAllFunctions } = env.api;
    env.api.deleteFunction = async (name) => {
      env.calls.push(`delete ${name}`);
    };
    env.api.listAllFunctions = async (o) => {
      if (env.calls.includes('delete reports') && lingering-- <= 0) await deleteFunction('reports');
      return listAllFunctions(o);
    };
    const slept: number[] = [];
    await applyFunctionSteps(env.api, steps, { envId: 'env-1', functionRootPath: '/dist', upgradeRuntime: true, sleep: async (ms) => void slept.push(ms) }, () => {});
    expect(slept).toEqual([1_000, 1_000]);
    expect(env.state.get('reports')!.runtime).toBe(RUNTIME);
  });
});

describe('merging a function’s variables', () => {
  it('adds the prefix to a function deployed before deploys passed it', () => {
    expect(mergeVariables('auth', [{ Key: 'JINLIN_STORE', Value: 'cloudbase' }], { JINLIN_STORE: 'cloudbase', JINLIN_COLLECTION_PREFIX: 'pre_' })).toEqual({
      variables: { JINLIN_STORE: 'cloudbase', JINLIN_COLLECTION_PREFIX: 'pre_' },
      changes: [
        { key: 'JINLIN_COLLECTION_PREFIX', change: 'added' },
        { key: 'JINLIN_STORE', change: 'kept' },
      ],
    });
  });
});
