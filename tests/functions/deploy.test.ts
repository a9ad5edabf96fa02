import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployPlan, indexStep, isCloudbaseCron, RUNTIME } from '../../cloudfunctions/lib/deploy/plan';
import { COLLECTIONS } from '../../cloudfunctions/lib/store/cloudbase';
import { bootstrap } from '../../cloudfunctions/lib/seed/bootstrap';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { DomainError, fixedClock } from '../../src/core';
import { dispatch } from '../../cloudfunctions/lib/dispatch';

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

  it('refuses a timer trigger that is not a 7-field CloudBase cron, and more than one trigger', () => {
    expect(isCloudbaseCron('0 */5 * * * * *')).toBe(true);
    expect(isCloudbaseCron('*/5 * * * *')).toBe(false);
    const fake = mkdtempSync(path.join(tmpdir(), 'jinlin-deploy-'));
    const dir = path.join(fake, 'dist/cloudfunctions/deadlines');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.js'), '');
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ triggers: [{ name: 't', type: 'timer', config: '*/5 * * * *' }] }));
    expect(() => deployPlan(fake)).toThrow(/7-field/);
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
