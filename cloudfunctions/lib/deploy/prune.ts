/**
 * Functions an environment still has that the deploy plan no longer has: a function renamed or
 * retired (the `deadlines` timer became `timer`) keeps running, trigger and all, until someone
 * removes it. `npm run deploy` lists them; `--prune` removes them with their triggers, after the
 * plan's functions are in place, so the environment is never without a timer. A function Jinlin did
 * not deploy (no JINLIN_STORE variable, not retired by us) is listed and left alone.
 */
import type { DeployPlan } from './plan';

/** Our functions that were renamed or retired, and what took over, for the log and the dry run. */
export const RETIRED: Readonly<Record<string, string>> = {
  deadlines: 'timer',
  desk: 'management',
};

/** What deploy needs to know about one function of the environment. */
export interface DeployedFunction {
  name: string;
  /** Timer triggers, by name: CloudBase's DeleteTrigger removes timers. */
  timers: string[];
  /** Deployed by Jinlin: it carries the JINLIN_STORE variable every Jinlin function gets. */
  ours: boolean;
}

export interface PruneStep {
  name: string;
  timers: string[];
  replacedBy?: string;
}

export interface PrunePlan {
  remove: PruneStep[];
  /** In the environment, not in the plan, and not Jinlin's: never touched. */
  foreign: string[];
}

export function prunePlan(plan: Pick<DeployPlan, 'functions'>, deployed: readonly DeployedFunction[]): PrunePlan {
  const planned = new Set(plan.functions.map((f) => f.name));
  const remove: PruneStep[] = [];
  const foreign: string[] = [];
  for (const f of [...deployed].sort((a, b) => a.name.localeCompare(b.name))) {
    if (planned.has(f.name)) continue;
    const replacedBy = Object.prototype.hasOwnProperty.call(RETIRED, f.name) ? RETIRED[f.name] : undefined;
    if (f.ours || replacedBy) remove.push({ name: f.name, timers: f.timers, ...(replacedBy ? { replacedBy } : {}) });
    else foreign.push(f.name);
  }
  return { remove, foreign };
}

/** The slice of @cloudbase/manager-node's FunctionService that pruning uses (tests pass a fake). */
export interface FunctionsApi {
  listAllFunctions(options: { envId: string }): Promise<Record<string, string>[]>;
  getFunctionDetail(name: string): Promise<{
    Triggers?: { TriggerName?: string; Type?: string }[];
    Environment?: { Variables?: { Key: string; Value: string }[] };
  }>;
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  deleteFunction(name: string): Promise<unknown>;
}

/** The environment's functions outside the plan, with their timers and whether they are ours. */
export async function readDeployed(api: FunctionsApi, envId: string, plan: Pick<DeployPlan, 'functions'>): Promise<DeployedFunction[]> {
  const planned = new Set(plan.functions.map((f) => f.name));
  const names = (await api.listAllFunctions({ envId })).map((f) => f.FunctionName).filter((n): n is string => !!n && !planned.has(n));
  const out: DeployedFunction[] = [];
  for (const name of names) {
    const detail = await api.getFunctionDetail(name);
    out.push({
      name,
      timers: (detail.Triggers ?? []).filter((t) => t.Type === 'timer' && t.TriggerName).map((t) => t.TriggerName!),
      ours: (detail.Environment?.Variables ?? []).some((v) => v.Key === 'JINLIN_STORE'),
    });
  }
  return out;
}

/** Removes each function's timers first, so nothing fires into a half-deleted function. */
export async function applyPrune(api: FunctionsApi, steps: readonly PruneStep[], log: (line: string) => void): Promise<void> {
  for (const step of steps) {
    for (const t of step.timers) await api.deleteFunctionTrigger(step.name, t);
    await api.deleteFunction(step.name);
    log(`✓ 已删除云函数 ${step.name}${step.timers.length ? `（及定时触发器 ${step.timers.join('、')}）` : ''}`);
  }
}

/** One line per step, for the plan and the dry run. */
export function describePrune(p: PrunePlan): string[] {
  return [
    ...p.remove.map((s) => `  云函数 ${s.name}${s.timers.length ? ` [定时触发器 ${s.timers.join('、')}]` : ''}${s.replacedBy ? `：已由 ${s.replacedBy} 取代` : '：已不在计划中'}`),
    ...p.foreign.map((n) => `  云函数 ${n}：不是近邻部署的，保留`),
  ];
}
