/**
 * The timer's jobs, in the order a run does them. One CloudBase function has one timer trigger, so
 * every timed job lives here: a new job is a new entry, named for what it does, with its share of
 * the `timer` function's timeout (cloudfunctions/timer/config.json).
 */
import { warnMissingHolidays } from '../jobs/holiday-warnings';
import { purgeRateLimits } from '../jobs/purge-rate-limits';
import type { TimerJob } from './job';
import { sweepWithin } from './sweep-within';

/** The `timer` function's timeout (its config.json), which the budgets must fit inside. */
export const TIMER_TIMEOUT_MS = 60_000;

/**
 * Reports per claim. Small enough that one batch fits well inside the sweep's budget on CloudBase,
 * where each report is its own transaction; the budget is checked between batches.
 */
export const SWEEP_BATCH = 200;

export const TIMER_JOBS: readonly TimerJob[] = [
  {
    name: 'sweep',
    does: '预警、超时自动上报、逾期未评价自动办结',
    budgetMs: 40_000,
    run: (deps, ctx) => sweepWithin(deps, ctx, SWEEP_BATCH),
  },
  {
    name: 'purgeSessions',
    does: '删除已过期的网页登录会话',
    budgetMs: 5_000,
    run: async (deps) => ({ purged: await deps.store.sessions.purgeExpired(deps.clock.now()) }),
  },
  {
    name: 'purgeRateLimits',
    does: '删除一天前的扫码次数计数',
    // One delete; the registry's budgets (with each one's overrun grace) fill the timeout.
    budgetMs: 1_000,
    run: (deps) => purgeRateLimits(deps),
  },
  {
    name: 'warnMissingHolidays',
    does: '每年11月1日起，每天提醒还没有录入下一年节假日安排的街道',
    budgetMs: 5_000,
    run: (deps) => warnMissingHolidays(deps),
  },
];
