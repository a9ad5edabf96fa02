/**
 * The report figures a property company is assessed on: the reports of the compound (its buildings
 * and its common areas) created in the month that one of the company's people — a person holding
 * `property_manager` on the compound — handled at the compound level, counted by reports/figures.ts
 * `figures()` exactly as every other figure is counted.
 *
 * "Handled at the compound level" is read from the report and its timeline, because the handler of
 * a level is not kept after the report moves on:
 * - the report is at the compound level now and its handler is one of them, or
 * - one of them acted on it while it was at the compound level (an entry whose fromLevel is
 *   `compound`: responded, resolved, escalated, asked for time, …), or
 * - it breached at the compound level while one of them held it (the breach names the handler).
 * A report that went straight past the compound, or that the branch secretary handled, is not theirs.
 */
import { figures, type Figures, type FigureInput } from './reports/figures';
import type { Report, TimelineEntry } from './reports';

export type HandledInput = FigureInput & Pick<Report, 'id' | 'level' | 'handlerId' | 'breaches'>;

/** Did one of `managerIds` handle the report at the compound level? */
export function handledByCompany(r: Pick<Report, 'level' | 'handlerId' | 'breaches'>, timeline: readonly Pick<TimelineEntry, 'actorId' | 'fromLevel'>[], managerIds: ReadonlySet<string>): boolean {
  if (managerIds.size === 0) return false;
  if (r.level === 'compound' && r.handlerId !== null && managerIds.has(r.handlerId)) return true;
  if (timeline.some((e) => e.fromLevel === 'compound' && e.actorId !== null && managerIds.has(e.actorId))) return true;
  return r.breaches.some((b) => b.level === 'compound' && b.handlerId !== null && managerIds.has(b.handlerId));
}

/**
 * figures() of the reports (already those of the compound created in the month) that the company's
 * people handled. `timelines` maps a report's id to its entries (a report without one is read from
 * the report alone).
 */
export function companyFigures(
  reports: readonly HandledInput[],
  timelines: ReadonlyMap<string, readonly Pick<TimelineEntry, 'actorId' | 'fromLevel'>[]>,
  managerIds: ReadonlySet<string>,
  now: number,
): Figures {
  return figures(
    reports.filter((r) => handledByCompany(r, timelines.get(r.id) ?? [], managerIds)),
    now,
  );
}
