import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployPlan, indexStep, isCloudbaseCron, RUNTIME } from '../../cloudfunctions/lib/deploy/plan';
import { applyPrune, describePrune, prunePlan, readDeployed, RETIRED, type FunctionsApi } from '../../cloudfunctions/lib/deploy/prune';
import { COLLECTIONS } from '../../cloudfunctions/lib/store/cloudbase';
import { bootstrap } from '../../cloudfunctions/lib/seed/bootstrap';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { DomainError, fixedClock } from '../../src/core';
import { dispatch } from '../../cloudfunctions/lib/functions';

const root = path.resolve(__dirname, '../..');

describe('deploy plan', () => {
  it('creates every collection the adapter declares, with its indexes', () => {
    const plan = deployPlan(root);
    expect(plan.collections.map((c) => c.name)).toEqual(COLLECTIONS.map((c) => c.name));
    const units = plan.collections.find((c) => c.name === 'units')!;
    expect(units.indexes[0]).toEqual({ IndexName: 'path_unique', MgoKeySchema: { MgoIndexKeys: [{ Name: 'path', Direction: '1' }], MgoIsUnique: true } });
    expect(deployPlan(root, 'pre_').collections[0].name).toBe('pre_units');
  });

  it('does not ask CloudBase for a unique index over an optional field', () => {
    const step = indexStep({ name: 'u', keys: { username: 1 }, unique: true, sparse: true });
    expect(step.MgoKeySchema.MgoIsUnique).toBe(false);
    expect(step.note).toMatch(/guard/);
  });

  it('deploys every function found in cloudfunctions/, and cloudbaserc.json lists the same ones', () => {
    const sources = readdirSync(path.join(root, 'cloudfunctions')).filter((d) => d !== 'lib').sort();
    const plan = deployPlan(root);
    expect(plan.functions.map((f) => f.name).sort()).toEqual(sources);
    const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
    expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual(sources);
    for (const f of rc.functions) {
      const config = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', f.name, 'config.json'), 'utf8'));
      expect([f.name, f.timeout, f.runtime, f.installDependency]).toEqual([f.name, config.timeout, RUNTIME, false]);
    }
  });

  it('deploys on the newest Node.js runtime CloudBase offers, and bundles for that Node.js', () => {
    // manager-node's own default runtime: the newest it knows.
    const sdk = readFileSync(require.resolve('@cloudbase/manager-node/lib/function/index.js'), 'utf8');
    expect(sdk).toContain(`Runtime: '${RUNTIME}'`);
    const build = readFileSync(path.join(root, 'config/build-functions.mjs'), 'utf8');
    const target = /export const NODE_TARGET = 'node(\d+)'/.exec(build)?.[1];
    expect(RUNTIME).toBe(`Nodejs${target}.19`);
    expect(build).not.toMatch(/target: 'node\d+'/);
    // sharp, beside `reports`, states the Node.js it needs: the runtime is at least that.
    const sharp = JSON.parse(readFileSync(path.join(root, 'node_modules/sharp/package.json'), 'utf8')) as { engines: { node: string } };
    const [, major, minor] = /^>=(\d+)\.(\d+)/.exec(sharp.engines.node)!;
    const [, rMajor, rMinor] = /^Nodejs(\d+)\.(\d+)$/.exec(RUNTIME)!;
    expect(Number(rMajor) * 100 + Number(rMinor)).toBeGreaterThanOrEqual(Number(major) * 100 + Number(minor));
  });

  it('refuses a timer trigger that is not a 7-field CloudBase cron, and more than one trigger', () => {
    expect(isCloudbaseCron('0 */5 * * * * *')).toBe(true);
    expect(isCloudbaseCron('*/5 * * * *')).toBe(false);
    const fake = mkdtempSync(path.join(tmpdir(), 'jinlin-deploy-'));
    const dir = path.join(fake, 'dist/cloudfunctions/timer');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.js'), '');
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ triggers: [{ name: 't', type: 'timer', config: '*/5 * * * *' }] }));
    expect(() => deployPlan(fake)).toThrow(/7-field/);
  });
});

describe('functions the environment has that the plan no longer has', () => {
  /** An environment as CloudBase's manager API describes it, recording what deploy deletes. */
  function environment(functions: Record<string, { triggers?: { TriggerName: string; Type: string }[]; vars?: Record<string, string> }>) {
    const calls: string[] = [];
    const api: FunctionsApi = {
      async listAllFunctions({ envId }) {
        expect(envId).toBe('env-1');
        return Object.keys(functions).map((FunctionName) => ({ FunctionName, Status: 'Active' }));
      },
      async getFunctionDetail(name) {
        const f = functions[name];
        return { Triggers: f.triggers ?? [], Environment: { Variables: Object.entries(f.vars ?? {}).map(([Key, Value]) => ({ Key, Value })) } };
      },
      async deleteFunctionTrigger(name, trigger) {
        calls.push(`trigger ${name}/${trigger}`);
      },
      async deleteFunction(name) {
        calls.push(`function ${name}`);
      },
    };
    return { api, calls };
  }
  const ours = { JINLIN_STORE: 'cloudbase' };
  const plan = () => deployPlan(root);

  it('lists the old deadlines function, with its timer, as replaced by timer; leaves planned and foreign functions alone', async () => {
    const { api } = environment({
      auth: { vars: ours },
      timer: { vars: ours, triggers: [{ TriggerName: 'every5min', Type: 'timer' }] },
      deadlines: { vars: ours, triggers: [{ TriggerName: 'every5min', Type: 'timer' }] },
      oldReports: { vars: ours },
      someoneElses: { vars: { NODE_ENV: 'production' } },
    });
    const p = prunePlan(plan(), await readDeployed(api, 'env-1', plan()));
    expect(p).toEqual({
      remove: [
        { name: 'deadlines', timers: ['every5min'], replacedBy: 'timer' },
        { name: 'oldReports', timers: [] },
      ],
      foreign: ['someoneElses'],
    });
    expect(describePrune(p)).toEqual([
      '  云函数 deadlines [定时触发器 every5min]：已由 timer 取代',
      '  云函数 oldReports：已不在计划中',
      '  云函数 someoneElses：不是近邻部署的，保留',
    ]);
  });

  it('has nothing to remove in an environment that matches the plan', async () => {
    const { api } = environment(Object.fromEntries(plan().functions.map((f) => [f.name, { vars: ours }])));
    expect(prunePlan(plan(), await readDeployed(api, 'env-1', plan()))).toEqual({ remove: [], foreign: [] });
  });

  it('removes a function’s timers before the function, and nothing it was not asked to', async () => {
    const { api, calls } = environment({ deadlines: { vars: ours, triggers: [{ TriggerName: 'every5min', Type: 'timer' }] }, someoneElses: {} });
    const p = prunePlan(plan(), await readDeployed(api, 'env-1', plan()));
    const lines: string[] = [];
    await applyPrune(api, p.remove, (l) => lines.push(l));
    expect(calls).toEqual(['trigger deadlines/every5min', 'function deadlines']);
    expect(lines).toEqual(['✓ 已删除云函数 deadlines（及定时触发器 every5min）']);
  });

  it('knows every retired function’s successor is planned', () => {
    const planned = plan().functions.map((f) => f.name);
    for (const [from, to] of Object.entries(RETIRED)) {
      expect(planned).toContain(to);
      expect(planned).not.toContain(from);
    }
  });
});

describe('bootstrap of a real (non-demo) database', () => {
  const deps = () =>
    makeDeps(openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-boot-')), 'j.db')), {
      clock: fixedClock('2026-11-23T09:00:00+08:00'),
      log: silentLogger,
    });

  it('creates the street and a street officer who can sign in and build the tree', async () => {
    const d = deps();
    const { street } = await bootstrap(d, { street: '幸福街道', name: '王建国', username: 'admin', password: 'a long password' });
    const signIn = await dispatch(d, 'auth', { action: 'signIn', data: { username: 'admin', password: 'a long password' } }, {});
    expect(signIn.ok).toBe(true);
    const token = (signIn as { data: { token: string } }).data.token;
    const created = await dispatch(d, 'units', { action: 'create', data: { parentId: street.id, kind: 'community', name: '阳光社区' } }, { token });
    expect(created).toMatchObject({ ok: true, data: { kind: 'community' } });
    expect(await d.store.people.listDemo()).toEqual([]);
  });

  it('refuses a second bootstrap and a short password, writing nothing', async () => {
    const d = deps();
    await expect(bootstrap(d, { street: '幸福街道', name: '王建国', username: 'admin', password: 'short' })).rejects.toThrow();
    expect(await d.store.units.listRoots()).toEqual([]);
    await bootstrap(d, { street: '幸福街道', name: '王建国', username: 'admin', password: 'a long password' });
    await expect(bootstrap(d, { street: '明月街道', name: '李四', username: 'other', password: 'a long password' })).rejects.toBeInstanceOf(DomainError);
    expect((await d.store.units.listRoots()).map((u) => u.name)).toEqual(['幸福街道']);
    expect(await d.store.people.count()).toBe(1);
  });
});
