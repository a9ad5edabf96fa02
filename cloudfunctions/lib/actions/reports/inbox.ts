/** The handler's inbox: the reports assigned to them by urgency, or every open report they may see. */
import { DEFAULT_POLICY, DomainError, reportViewRoots, type Report } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import { personAction, type FunctionDef } from '../define';
import { DUE_SOON, namesFor, summary } from './views';

export const inbox: FunctionDef = {
  inbox: personAction(schemas.reports.inbox, async (ctx, input) => {
    const { deps, caller } = ctx;
    const now = deps.clock.now();
    const open = ['submitted', 'responded', 'transferred', 'needs_info'] as const;
    const roots = reportViewRoots(caller.bindings);
    const mine = { path: '/', statuses: open, handlerId: caller.person.id };
    const counts = {
      assigned: await deps.store.reports.count(mine),
      dueSoon: (await deps.store.reports.count({ ...mine, dueBefore: now + DUE_SOON })) - (await deps.store.reports.count({ ...mine, dueBefore: now })),
      overdue: await deps.store.reports.count({ ...mine, dueBefore: now }),
    };
    const limit = input.limit ?? 50;
    const offset = input.offset ?? 0;
    let list: Report[];
    const view = input.view ?? 'assigned';
    if (view === 'all') {
      if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
      list = (await Promise.all(roots.map((u) => deps.store.reports.list({ path: u.path, statuses: open }, limit + offset)))).flat().sort((a, b) => a.dueAt - b.dueAt).slice(offset, offset + limit);
    } else {
      const all = await deps.store.reports.list(view === 'overdue' ? { ...mine, dueBefore: now } : view === 'dueSoon' ? { ...mine, dueBefore: now + DUE_SOON } : mine, limit + offset + 1000);
      list = (view === 'dueSoon' ? all.filter((r) => r.dueAt >= now) : all).slice(offset, offset + limit);
    }
    const names = await namesFor(deps, list);
    return { reports: list.map((r) => summary(r, names, DEFAULT_POLICY, now)), counts };
  }),
};
