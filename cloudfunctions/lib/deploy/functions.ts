/**
 * Deploying the plan's functions with the manager SDK (@cloudbase/manager-node), as steps read
 * first and carried out after: each function's current variables and runtime are read before
 * anything is written, so a deploy keeps what staff set in the console (variables.ts) and says which
 * functions still run an old runtime.
 *
 * A runtime is fixed when a function is created: CreateFunction takes `Runtime`, the SDK's forced
 * update (UpdateFunctionCode, then UpdateFunctionConfiguration) sends none, and SCF's
 * UpdateFunctionConfiguration documents Runtime as "创建时指定，目前不支持修改". A function created on
 * Nodejs16.13 stays there until it is deleted and created again, which `--upgrade-runtime` does
 * (a few seconds without that function each; its variables are read before and given back).
 */
import { RUNTIME, type DeployPlan, type FunctionConfig } from './plan';
import { describeVariables, mergeVariables, plannedVariables, type EnvVariable, type MergedVariables } from './variables';

/** What createFunction receives as `func` (manager-node's ICloudFunction, the fields we set). */
export interface FunctionSpec {
  name: string;
  timeout: number;
  memorySize?: number;
  runtime: string;
  installDependency: false;
  handler: string;
  triggers?: FunctionConfig['triggers'];
  envVariables: Record<string, string>;
}

/** The slice of manager-node's FunctionService that deploying functions uses (tests pass a fake that records calls). */
export interface FunctionDeployApi {
  listAllFunctions(options: { envId: string }): Promise<Record<string, string>[]>;
  getFunctionDetail(name: string): Promise<{ Runtime?: string; Environment?: { Variables?: EnvVariable[] } }>;
  createFunction(param: { func: FunctionSpec; functionRootPath: string; force: boolean }): Promise<unknown>;
  deleteFunction(name: string): Promise<unknown>;
}

export interface FunctionStep {
  spec: FunctionSpec;
  exists: boolean;
  /** The runtime an existing function runs, when it is not RUNTIME. */
  oldRuntime: string | null;
  variables: MergedVariables;
}

export interface FunctionStepOptions {
  /** The deploy's JINLIN_COLLECTION_PREFIX: its collections were created with it. */
  prefix: string;
  /** Move functions that read another prefix's collections to this one (variables.ts refuses otherwise). */
  newPrefix?: boolean;
}

/** Reads every planned function's current state and works out what deploying it sends; writes nothing. */
export async function planFunctionSteps(api: FunctionDeployApi, envId: string, plan: Pick<DeployPlan, 'functions'>, opts: FunctionStepOptions): Promise<FunctionStep[]> {
  const deployed = new Set((await api.listAllFunctions({ envId })).map((f) => f.FunctionName).filter(Boolean));
  const planned = plannedVariables(opts.prefix);
  const steps: FunctionStep[] = [];
  for (const f of plan.functions) {
    const detail = deployed.has(f.name) ? await api.getFunctionDetail(f.name) : null;
    const variables = mergeVariables(f.name, detail ? (detail.Environment?.Variables ?? []) : null, planned, { newPrefix: opts.newPrefix });
    steps.push({
      spec: {
        name: f.name,
        timeout: f.config.timeout ?? 10,
        memorySize: f.config.memorySize,
        runtime: RUNTIME,
        installDependency: false,
        handler: 'index.main',
        triggers: f.config.triggers,
        envVariables: variables.variables,
      },
      exists: !!detail,
      oldRuntime: detail?.Runtime && detail.Runtime !== RUNTIME ? detail.Runtime : null,
      variables,
    });
  }
  return steps;
}

/** One line per function for the log: runtime, variables by name (values only for the plan's own). */
export function describeFunctionStep(step: FunctionStep, prefix: string, upgradeRuntime: boolean): string {
  const runtime = step.oldRuntime
    ? upgradeRuntime
      ? `${step.oldRuntime} → ${RUNTIME}（删除后重建）`
      : `仍是 ${step.oldRuntime}（运行时只能在创建时指定：加 --upgrade-runtime 删除后重建为 ${RUNTIME}）`
    : `${RUNTIME}${step.exists ? '' : '，新建'}`;
  return `  云函数 ${step.spec.name}：${runtime}；${describeVariables(step.variables, plannedVariables(prefix))}`;
}

/** Looks (while a deleted function is still listed) at most this many times, a second apart. */
const GONE_TRIES = 60;

/**
 * Deletion finishes after DeleteFunction answers; a create meanwhile would find the name taken and
 * the SDK would fall back to a forced update, which keeps the old runtime.
 */
async function waitGone(api: FunctionDeployApi, envId: string, name: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < GONE_TRIES; i++) {
    if (!(await api.listAllFunctions({ envId })).some((f) => f.FunctionName === name)) return;
    await sleep(1_000);
  }
  throw new Error(`云函数 ${name} 删除后 ${GONE_TRIES} 秒仍在：请在控制台确认后重新部署`);
}

/** Carries the steps out: a forced create (code, config, triggers, the merged variables), after a delete where the runtime is upgraded. */
export async function applyFunctionSteps(
  api: FunctionDeployApi,
  steps: readonly FunctionStep[],
  opts: { envId: string; functionRootPath: string; upgradeRuntime: boolean; sleep?: (ms: number) => Promise<void> },
  log: (line: string) => void,
): Promise<void> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (const step of steps) {
    const recreate = !!step.oldRuntime && opts.upgradeRuntime;
    if (recreate) {
      await api.deleteFunction(step.spec.name);
      await waitGone(api, opts.envId, step.spec.name, sleep);
    }
    await api.createFunction({ func: step.spec, functionRootPath: opts.functionRootPath, force: true });
    log(`✓ 云函数 ${step.spec.name}${recreate ? `（已从 ${step.oldRuntime} 重建为 ${RUNTIME}）` : step.oldRuntime ? `（运行时仍是 ${step.oldRuntime}）` : ''}`);
  }
}
