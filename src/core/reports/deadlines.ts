/**
 * Deadlines per level × category ("定时限"): a response deadline and a resolve deadline, in
 * working time on the official calendar, or in plain hours for urgent categories; a warning at
 * 75 % of the resolve time. Defaults per community, editable.
 */
import { addWorkingMinutes, type Calendar, WORKDAY_MINUTES } from './calendar';
import { DEFAULT_CATEGORIES, LEVELS, levelsOf, type Category, type Level } from './categories';

export interface LevelDeadline {
  /** Working hours to respond (non-urgent) or plain hours (urgent). */
  respondHours: number;
  /** Working days to resolve (non-urgent). */
  resolveDays: number;
  /** Plain hours to resolve, for urgent categories. */
  urgentResolveHours: number;
  urgentRespondHours: number;
}

export interface CommunityPolicy {
  categories: Category[];
  /**
   * The grid (网格) is a level of the community's reports: a report under a grid goes to its lead
   * (家长) or steward (管家) between the building and the compound. Off unless staff turn it on.
   */
  gridLevel: boolean;
  levels: Record<Level, LevelDeadline>;
  /** Per category, levels may override the defaults: overrides[category][level]. */
  overrides: Record<string, Partial<Record<Level, Partial<LevelDeadline>>>>;
  /** Fraction of the resolve time after which the handler is warned. */
  warnRatio: number;
  /** Days after resolution without a rating before the report closes itself. */
  autoCloseDays: number;
  /** Years a closed or rejected report keeps the contact name and phone it was recorded with (PIPL: no longer than needed). */
  retentionYears: number;
  /**
   * Voice notes turned into text by WeChat's 同声传译 plugin. Off by default (absent: off): the plugin
   * needs the mini-program's console authorisation, which cannot be tried here; the way that always
   * works is the handler typing what they heard (reports.describe).
   */
  speechToText?: boolean;
}

export const DEFAULT_POLICY: CommunityPolicy = {
  categories: DEFAULT_CATEGORIES,
  gridLevel: false,
  levels: {
    building: { respondHours: 4, resolveDays: 1, urgentRespondHours: 1, urgentResolveHours: 4 },
    // Kept even while the level is off: a report left at the grid still has deadlines.
    grid: { respondHours: 4, resolveDays: 2, urgentRespondHours: 1, urgentResolveHours: 12 },
    compound: { respondHours: 4, resolveDays: 3, urgentRespondHours: 1, urgentResolveHours: 24 },
    community: { respondHours: 4, resolveDays: 5, urgentRespondHours: 2, urgentResolveHours: 48 },
    street: { respondHours: 4, resolveDays: 10, urgentRespondHours: 2, urgentResolveHours: 72 },
  },
  overrides: {},
  warnRatio: 0.75,
  autoCloseDays: 7,
  retentionYears: 3,
  speechToText: false,
};

export interface Clocks {
  respondBy: number;
  warnAt: number;
  dueAt: number;
}

export function findCategory(policy: CommunityPolicy, code: string): Category | undefined {
  return policy.categories.find((c) => c.code === code);
}

export function deadlineFor(policy: CommunityPolicy, category: string, level: Level): LevelDeadline {
  return { ...policy.levels[level], ...(policy.overrides[category]?.[level] ?? {}) };
}

/** The clocks a report gets when it arrives at `level` at `start`. */
export function clocksFor(cal: Calendar, policy: CommunityPolicy, category: Category, level: Level, start: number): Clocks {
  const d = deadlineFor(policy, category.code, level);
  if (category.urgent) {
    const total = d.urgentResolveHours * 3600_000;
    return {
      respondBy: start + d.urgentRespondHours * 3600_000,
      warnAt: start + Math.round(total * policy.warnRatio),
      dueAt: start + total,
    };
  }
  const total = d.resolveDays * WORKDAY_MINUTES;
  return {
    respondBy: addWorkingMinutes(cal, start, d.respondHours * 60),
    warnAt: addWorkingMinutes(cal, start, Math.round(total * policy.warnRatio)),
    dueAt: addWorkingMinutes(cal, start, total),
  };
}

/** An approved extension moves the resolve deadline (and its warning) by `days` working days. */
export function extendClocks(cal: Calendar, policy: CommunityPolicy, clocks: Clocks, days: number, urgent: boolean): Clocks {
  if (urgent) {
    const add = days * 24 * 3600_000;
    return { ...clocks, dueAt: clocks.dueAt + add, warnAt: clocks.dueAt + Math.round(add * policy.warnRatio) };
  }
  const minutes = days * WORKDAY_MINUTES;
  return {
    ...clocks,
    warnAt: addWorkingMinutes(cal, clocks.dueAt, Math.round(minutes * policy.warnRatio)),
    dueAt: addWorkingMinutes(cal, clocks.dueAt, minutes),
  };
}

/** The community's levels from `level` upward, `level` itself first. */
export function levelsFrom(level: Level, policy: Pick<CommunityPolicy, 'gridLevel'>): Level[] {
  const on = levelsOf(policy);
  return LEVELS.slice(LEVELS.indexOf(level)).filter((l) => l === level || on.includes(l));
}
