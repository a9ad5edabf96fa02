/**
 * `npm run deploy`: builds the function bundles, then creates the collections and indexes and
 * deploys every function (code, config, timer triggers) to the CloudBase environment TCB_ENV,
 * using the key pair TCB_SECRET_ID / TCB_SECRET_KEY. Safe to run again: existing collections and
 * indexes are kept, functions are overwritten. It lists the environment's functions that the plan
 * no longer has (a renamed one keeps running, trigger and all); `--prune` removes them and their
 * triggers once the plan's functions are in place.
 * `npm run deploy -- --dry-run` prints the plan and needs no credentials; with them, it also prints
 * what `--prune` would remove and what each function's variables and runtime become.
 * A function's environment variables are read first and given back (lib/deploy/variables.ts: the
 * manager SDK replaces them all), with JINLIN_STORE and JINLIN_COLLECTION_PREFIX set by the deploy.
 * `--upgrade-runtime` deletes and recreates functions created on an older runtime (lib/deploy/functions.ts);
 * `--new-prefix` lets functions move to the collections of another JINLIN_COLLECTION_PREFIX.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { deployPlan, RUNTIME } from '../cloudfunctions/lib/deploy/plan';
import { applyFunctionSteps, describeFunctionStep, planFunctionSteps, type FunctionDeployApi } from '../cloudfunctions/lib/deploy/functions';
import { plannedVariables } from '../cloudfunctions/lib/deploy/variables';
import { applyPrune, describePrune, prunePlan, readDeployed, RETIRED, type FunctionsApi } from '../cloudfunctions/lib/deploy/prune';

async function main() {
  const root = path.resolve(__dirname, '..');
  const dry = process.argv.includes('--dry-run');
  const prune = process.argv.includes('--prune');
  const upgradeRuntime = process.argv.includes('--upgrade-runtime');
  const newPrefix = process.argv.includes('--new-prefix');
  execFileSync(process.execPath, [path.join(root, 'config/build-functions.mjs')], { stdio: 'inherit' });
  const prefix = process.env.JINLIN_COLLECTION_PREFIX ?? '';
  const plan = deployPlan(root, prefix);

  console.log(`${dry ? '计划（未执行）' : '部署'}：${plan.collections.length} 个集合，${plan.functions.length} 个云函数`);
  for (const c of plan.collections) {
    console.log(`  集合 ${c.name}`);
    for (const i of c.indexes)
      console.log(`    索引 ${i.IndexName} (${i.MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name}:${k.Direction}`).join(', ')})${i.MgoKeySchema.MgoIsUnique ? ' 唯一' : ''}${i.note ? ` — ${i.note}` : ''}`);
  }
  for (const f of plan.functions)
    console.log(`  云函数 ${f.name}${(f.config.triggers ?? []).map((t) => ` [定时 ${t.config}]`).join('')}${f.config.permissions?.openapi?.length ? ` openapi: ${f.config.permissions.openapi.join(',')}` : ''}`);
  console.log(
    `  每个云函数：运行时 ${RUNTIME}；环境变量设置 ${Object.entries(plannedVariables(prefix)).map(([k, v]) => `${k}=${v}`).join('、')}，其余保留函数现有的（JINLIN_SECRET 等）`,
  );

  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    if (dry) {
      console.log(`  旧云函数：列出环境里已不在计划中的云函数需要 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY；--prune 会删除其中近邻部署过的（如 ${Object.entries(RETIRED).map(([from, to]) => `${from} → ${to}`).join('、')}）及其定时触发器`);
      console.log('  各云函数现有的环境变量和运行时：同样需要这三个变量才能读取');
      return;
    }
    console.error('需要环境变量 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY（腾讯云 API 密钥）。只看计划：npm run deploy -- --dry-run');
    process.exit(2);
  }
  const CloudBase = (await import('@cloudbase/manager-node')).default;
  const manager = new CloudBase({ envId: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
  const functionsApi: FunctionsApi & FunctionDeployApi = manager.functions;
  const leftovers = prunePlan(plan, await readDeployed(functionsApi, TCB_ENV, plan));
  if (leftovers.remove.length + leftovers.foreign.length) {
    console.log(`环境里已不在计划中的云函数（${prune ? '部署后删除' : '加 --prune 删除'}）：`);
    for (const line of describePrune(leftovers)) console.log(line);
  }
  // Read before anything is written: a refused prefix change stops here, with nothing deployed.
  const steps = await planFunctionSteps(functionsApi, TCB_ENV, plan, { prefix, newPrefix });
  console.log('云函数的运行时和环境变量（值只显示部署设置的）：');
  for (const step of steps) console.log(describeFunctionStep(step, prefix, upgradeRuntime));
  if (dry) return;

  for (const c of plan.collections) {
    await manager.database.createCollectionIfNotExists(c.name);
    const missing = [];
    for (const i of c.indexes) if (!(await manager.database.checkIndexExists(c.name, i.IndexName)).Exists) missing.push(i);
    if (missing.length)
      await manager.database.updateCollection(c.name, {
        CreateIndexes: missing.map(({ IndexName, MgoKeySchema }) => ({ IndexName, MgoKeySchema })),
      });
    console.log(`✓ 集合 ${c.name}（新建索引 ${missing.length} 个）`);
  }
  // People written before search keys existed are found by a slower scan until they have keys: give them keys once.
  {
    const { openCloudbaseStore } = await import('../cloudfunctions/lib/store/cloudbase');
    const store = openCloudbaseStore(tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }), { prefix });
    const keyed = await store.indexPeopleForSearch();
    console.log(`✓ 人员查找索引：补建 ${keyed} 人`);
  }
  await applyFunctionSteps(functionsApi, steps, { envId: TCB_ENV, functionRootPath: path.join(root, 'dist/cloudfunctions'), upgradeRuntime }, (line) => console.log(line));
  const stale = steps.filter((s) => s.oldRuntime && !upgradeRuntime);
  if (stale.length)
    console.log(`注意：${stale.map((s) => `${s.spec.name}（${s.oldRuntime}）`).join('、')} 仍在旧运行时上，reports 在 Node.js 20.9 以下无法清理照片；运行 npm run deploy -- --upgrade-runtime 重建它们`);
  // HTTP access: the management page (and the h5 pages) call POST /api/<function>, as on the local host.
  for (const f of plan.functions) {
    const path_ = `/api/${f.name}`;
    const existing = await manager.access.getAccessList({ path: path_ });
    if (!existing.APISet?.some((a) => a.Path === path_)) await manager.access.createAccess({ name: f.name, path: path_, auth: false });
    console.log(`✓ HTTP 访问 ${path_} → ${f.name}`);
  }
  // Open311: partners' systems call /open311/v2/… as the spec writes it (the function finds the resource below
  // /open311/v2 wherever the path mounts it, so /api/open311/open311/v2 keeps working too).
  if (plan.functions.some((f) => f.name === 'open311')) {
    const existing = await manager.access.getAccessList({ path: '/open311' });
    if (!existing.APISet?.some((a) => a.Path === '/open311')) await manager.access.createAccess({ name: 'open311', path: '/open311', auth: false });
    console.log('✓ HTTP 访问 /open311/v2 → open311');
  }
  if (process.argv.includes('--hosting')) {
    execFileSync('npm', ['run', '--silent', 'build:admin'], { cwd: root, stdio: 'inherit' });
    execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit' });
    await manager.hosting.uploadFiles({ localPath: path.join(root, 'dist/admin'), cloudPath: 'admin' });
    await manager.hosting.uploadFiles({ localPath: path.join(root, 'dist/h5'), cloudPath: '' });
    console.log('✓ 静态网站托管：/admin/ 管理后台，/ 居民端（H5）');
  }
  // Last, so the environment is never without the functions that replace these.
  if (prune) await applyPrune(functionsApi, leftovers.remove, (line) => console.log(line));
  else if (leftovers.remove.length)
    console.log(`注意：${leftovers.remove.map((s) => s.name).join('、')} 仍在运行（含其定时触发器）；运行 npm run deploy -- --prune 删除`);
  console.log(`部署完成：环境 ${TCB_ENV}`);
}

main().catch((e) => {
  console.error(`部署失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
