/**
 * The three figures staff are judged by, per unit and month, and where reports get resolved.
 * - responseRate (响应率): reports first responded to by their response deadline / reports whose
 *   response is settled by now: responded (whenever), or not responded with the deadline passed.
 *   A report filed today and not yet due is neither on time nor late, so it is not counted yet.
 *   Rejected duplicates do not count.
 * - onTimeRate (按时办结率): resolved with no breach at any level / resolved.
 * - satisfactionRate (满意率): (satisfied + basically satisfied) / rated.
 * A rate with nothing to divide by is null ("no data"), never 0 % or 100 %.
 */
import { LEVELS, type Level, type PerLevel } from './categories';
import type { Report } from './report';

export type FigureInput = Pick<Report, 'status' | 'respondedAt' | 'firstRespondBy' | 'breached' | 'rating' | 'resolvedAt' | 'resolvedLevel' | 'duplicateOf'>;

export interface Figures {
  reports: number;
  responded: number;
  /** Reports whose response is settled by now (the response rate's denominator). */
  responseDue: number;
  respondedOnTime: number;
  responseRate: number | null;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
  /** The grid's only when some report was resolved there. */
  resolvedAtLevel: PerLevel<number>;
  shareAtLevel: PerLevel<number | null>;
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * When a report's response is settled: when it was first responded to, or its response deadline
 * if that came first (responded late, or not yet). Before then it is neither on time nor late.
 */
export const responseSettledAt = (r: Pick<Report, 'respondedAt' | 'firstRespondBy'>): number =>
  r.respondedAt === null ? r.firstRespondBy : Math.min(r.respondedAt, r.firstRespondBy);

export function figures(list: readonly FigureInput[], now: number): Figures {
  const counted = list.filter((r) => !r.duplicateOf);
  const responseDue = counted.filter((r) => responseSettledAt(r) <= now);
  const responded = counted.filter((r) => r.respondedAt !== null);
  const respondedOnTime = responded.filter((r) => r.respondedAt! <= r.firstRespondBy);
  const resolved = counted.filter((r) => r.resolvedAt !== null);
  const resolvedOnTime = resolved.filter((r) => !r.breached);
  const rated = counted.filter((r) => r.rating !== null);
  const satisfied = rated.filter((r) => r.rating === 'satisfied' || r.rating === 'basically_satisfied');
  // A community without the grid level reads the four levels it always read.
  const levels: Level[] = LEVELS.filter((l) => l !== 'grid' || resolved.some((r) => r.resolvedLevel === 'grid'));
  const atLevel = (l: Level) => resolved.filter((r) => r.resolvedLevel === l).length;
  const resolvedAtLevel = Object.fromEntries(levels.map((l) => [l, atLevel(l)])) as PerLevel<number>;
  const shareAtLevel = Object.fromEntries(levels.map((l) => [l, rate(atLevel(l), resolved.length)])) as PerLevel<number | null>;
  return {
    reports: counted.length,
    responded: responded.length,
    responseDue: responseDue.length,
    respondedOnTime: respondedOnTime.length,
    responseRate: rate(respondedOnTime.length, responseDue.length),
    resolved: resolved.length,
    resolvedOnTime: resolvedOnTime.length,
    onTimeRate: rate(resolvedOnTime.length, resolved.length),
    rated: rated.length,
    satisfied: satisfied.length,
    satisfactionRate: rate(satisfied.length, rated.length),
    resolvedAtLevel,
    shareAtLevel,
  };
}
