/**
 * The timer's jobs, in the order a run does them. One CloudBase function has one timer trigger, so
 * every timed job lives here: a new job is a new entry, named for what it does, with its share of
 * the `timer` function's timeout (cloudfunctions/timer/config.json).
 */
import { warnMissingHolidays } from '../jobs/holiday-warnings';
import { remindLectures } from '../jobs/lecture-reminders';
import { sendNoticeFanouts } from '../jobs/notice-fanouts';
import { catchUpWaitlists } from '../jobs/lecture-waitlists';
import { continueImports } from '../jobs/continue-imports';
import { clearExpiredContacts } from '../jobs/contact-retention';
import { purgeRateLimits } from '../jobs/purge-rate-limits';
import { confirmFulfilledWishes } from '../jobs/wish-confirmation';
import { expireWishes } from '../jobs/wish-expiry';
import type { TimerJob } from './job';
import { sweepWithin } from './sweep-within';

/**
 * The `timer` function's timeout (its config.json), which the budgets must fit inside. 60 s until
 * the registry held seven jobs (58 s of budgets and overrun graces) and the sweep needed more than
 * 28 s for a backlog on CloudBase: 240 s, inside SCF's 1–900 s and a minute short of the 5-minute
 * trigger, so a run ends before the next begins.
 */
export const TIMER_TIMEOUT_MS = 240_000;

/**
 * Reports per claim. Small enough that one batch fits well inside the sweep's budget on CloudBase,
 * where each report is its own transaction; the budget is checked between batches and before each
 * SWEEP_CHUNK of a batch (sweep-within.ts).
 */
export const SWEEP_BATCH = 200;

export const TIMER_JOBS: readonly TimerJob[] = [
  {
    name: 'sweep',
    does: '预警、超时自动上报、逾期未评价自动办结',
    // About 36 reports a second on CloudBase (`npm run bench -- cloudbase`, 20 ms a request: 5,000
    // in 138 s): 120 s clears 4,300 of such a backlog in one run, and the next run (5 minutes on)
    // takes the rest. It was 150 s until sendNoticeFanouts took 30 of them.
    budgetMs: 120_000,
    run: (deps, ctx) => sweepWithin(deps, ctx, SWEEP_BATCH),
  },
  {
    name: 'sendNoticeFanouts',
    does: '分批通知整个社区、小区的人（如议题发起、议题有了决定），每次做一部分，下次接着做',
    // Its 30 s were the sweep's. A person's notice in the cloud is an in-app write, a read of the
    // person, a WeChat send and a count (about 0.2 s), 50 at once: some 5,000 people a run, so a
    // 17,600-resident community is told in about four runs (20 minutes). With its grace the registry's
    // budgets come to 230 of the 240 s (the run itself has 235: TIMEOUT_MARGIN_MS).
    budgetMs: 30_000,
    run: (deps, ctx) => sendNoticeFanouts(deps, ctx),
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
  {
    name: 'catchUpWaitlists',
    does: '讲座空出的座位补给候补第一位（补做中途失败留下的转正），并通知本人',
    budgetMs: 3_000,
    run: (deps, ctx) => catchUpWaitlists(deps, ctx),
  },
  {
    name: 'remindLectures',
    does: '讲座开始前一天提醒已报名的居民',
    budgetMs: 4_000,
    run: (deps, ctx) => remindLectures(deps, ctx),
  },
  {
    name: 'continueImports',
    does: '继续没有人在页面上跟进的批量导入（页面关了或调用中断），或撤回保存不完整的导入',
    // A fallback: the management page runs its imports itself, 8 s a call. 20,000 residents are about
    // 7 s of requests on CloudBase once committed (20 ms each, tests/actions/management-import-cloudbase),
    // so 20 s finishes two or three stalled imports a run; the registry's budgets and overrun graces
    // came to 202 of the 240 s with it (214 with clearExpiredContacts).
    budgetMs: 20_000,
    run: (deps, ctx) => continueImports(deps, ctx, TIMER_TIMEOUT_MS),
  },
  {
    name: 'clearExpiredContacts',
    does: '已关闭的反映超过社区设定的保留年限（默认3年）后，删除其中居民的联系人姓名和电话',
    // Once a day's work is done the job only reads a mark; the first run of a day walks the communities
    // and clears 50 reports a save batch. With its grace the registry's budgets come to 214 of the 240 s.
    budgetMs: 10_000,
    run: (deps, ctx) => clearExpiredContacts(deps, ctx),
  },
  {
    name: 'expireWishes',
    does: '过了日期还没有人认领的微心愿设为已过期，并通知许愿的人',
    // A few wishes a day per community, each one versioned write and a notice. With its grace the
    // registry's budgets come to 221 of the 240 s.
    budgetMs: 5_000,
    run: (deps, ctx) => expireWishes(deps, ctx),
  },
  {
    name: 'confirmFulfilledWishes',
    does: '已实现的微心愿7天内没有人确认的，自动确认，给认领人记积分并通知',
    // Each wish: the points entry, the versioned write, a notice. With its grace: 228 of the 240 s.
    budgetMs: 5_000,
    run: (deps, ctx) => confirmFulfilledWishes(deps, ctx),
  },
];
