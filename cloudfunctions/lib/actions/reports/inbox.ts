/**
 * The handler's inbox: the reports assigned to them by urgency, every open report they may see, or
 * the urgent ones in their buildings that others handle (关注). Someone who handles nothing is
 * refused with what to do instead, so the page can say so before anything else.
 */
import { DEFAULT_POLICY, DomainError, reportViewRoots, urgentWatchRoots, type Report } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import type { Deps } from '../../deps';
import { personAction, type Caller, type FunctionDef } from '../define';
import { mayHandle, mustBeHandler } from './access';
import { DUE_SOON, namesFor, summary } from './views';

const OPEN = ['submitted', 'responded', 'transferred', 'needs_info'] as const;
/**
 * A building's open reports, read whole to pick the urgent ones: a building has a handful open at a
 * time, so filtering here beats a store query of its own.
 */
const BUILDING_OPEN_MAX = 500;

/** Open urgent reports in the caller's watched buildings that they do not handle themselves, soonest deadline first. */
async function watched(deps: Deps, caller: Caller): Promise<Report[]> {
  const buildings = urgentWatchRoots(caller.bindings);
  const lists = await Promise.all(buildings.map((b) => deps.store.reports.list({ path: b.path, statuses: OPEN }, BUILDING_OPEN_MAX)));
  return lists
    .flat()
    .filter((r) => r.urgent && !mayHandle(caller, r))
    .sort((a, b) => a.dueAt - b.dueAt);
}

export const inbox: FunctionDef = {
  inbox: personAction(schemas.reports.inbox, async (ctx, input) => {
    const { deps, caller } = ctx;
    mustBeHandler(caller);
    const now = deps.clock.now();
    const roots = reportViewRoots(caller.bindings);
    const mine = { path: '/', statuses: OPEN, handlerId: caller.person.id };
    const watching = await watched(deps, caller);
    const counts = {
      assigned: await deps.store.reports.count(mine),
      dueSoon: (await deps.store.reports.count({ ...mine, dueBefore: now + DUE_SOON })) - (await deps.store.reports.count({ ...mine, dueBefore: now })),
      overdue: await deps.store.reports.count({ ...mine, dueBefore: now }),
      watching: watching.length,
    };
    const limit = input.limit ?? 50;
    const offset = input.offset ?? 0;
    let list: Report[];
    const view = input.view ?? 'assigned';
    if (view === 'watching') {
      list = watching.slice(offset, offset + limit);
    } else if (view === 'all') {
      if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', '“全部”列出您负责范围内的反映；您只办理交给您的反映，请看“待办”');
      list = (await Promise.all(roots.map((u) => deps.store.reports.list({ path: u.path, statuses: OPEN }, limit + offset)))).flat().sort((a, b) => a.dueAt - b.dueAt).slice(offset, offset + limit);
    } else {
      const all = await deps.store.reports.list(view === 'overdue' ? { ...mine, dueBefore: now } : view === 'dueSoon' ? { ...mine, dueBefore: now + DUE_SOON } : mine, limit + offset + 1000);
      list = (view === 'dueSoon' ? all.filter((r) => r.dueAt >= now) : all).slice(offset, offset + limit);
    }
    const names = await namesFor(deps, list);
    return { reports: list.map((r) => summary(r, names, DEFAULT_POLICY, now)), counts };
  }),
};
