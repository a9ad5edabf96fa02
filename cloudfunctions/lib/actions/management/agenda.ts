/**
 * The agenda of a meeting day (逢三说事, the 3rd, 13th and 23rd): what was escalated, overdue or disputed
 * since the last one, and the topics (议题) whose vote or opinions' time ended before it and that wait
 * for the meeting's decision.
 */
import { DomainError, dayKey, dayStart, previousMonth, type Agenda, type AgendaItem } from '../../../../src/core';
import { agendaTopics } from '../deliberation/agenda';
import * as schemas from '../../../../src/core/schemas/management';
import { personAction, type FunctionDef } from '../define';
import { rowsOf } from './rows';
import { ref, staffUnit } from './scope';

/** Reports per agenda list. */
const AGENDA_MAX = 500;

export const agenda: FunctionDef = {
  agenda: personAction(schemas.management.agenda, async (ctx, input): Promise<Agenda> => {
    const { deps } = ctx;
    const unit = await staffUnit(ctx, input.unitId);
    const d = Number(input.date.slice(8));
    if (![3, 13, 23].includes(d) || dayKey(dayStart(input.date)) !== input.date) throw new DomainError('DESK.NOT_MEETING_DAY', `${input.date} 不是议事日：议事日是每月 3 日、13 日和 23 日`, 'date');
    const since = d === 3 ? `${previousMonth(input.date.slice(0, 7))}-23` : `${input.date.slice(0, 8)}${String(d - 10).padStart(2, '0')}`;
    const from = dayStart(since);
    const to = dayStart(input.date);
    const at = Math.min(deps.clock.now(), to);
    const events = await deps.store.reportQueries.eventsBetween(unit.path, ['escalate', 'breach', 'dispute'], from, to);
    const overdueNow = await deps.store.reportQueries.list({ path: unit.path, now: at, overdue: true }, 'dueAt', AGENDA_MAX, 0);
    const reasons = new Map<string, Set<AgendaItem['reasons'][number]>>();
    const mark = (id: string, why: AgendaItem['reasons'][number]) => {
      let s = reasons.get(id);
      if (!s) reasons.set(id, (s = new Set()));
      s.add(why);
    };
    for (const e of events) mark(e.reportId, e.type === 'escalate' ? 'escalated' : e.type === 'dispute' ? 'disputed' : 'overdue');
    for (const r of overdueNow) mark(r.id, 'overdue');
    const loaded = new Map(overdueNow.map((r) => [r.id, r]));
    const toLoad = [...reasons.keys()].filter((id) => !loaded.has(id));
    for (const r of await Promise.all(toLoad.map((id) => deps.store.reports.get(id)))) if (r) loaded.set(r.id, r);
    const rows = new Map((await rowsOf(deps, [...loaded.values()])).map((row) => [row.id, row]));
    const order: AgendaItem['reasons'] = ['escalated', 'overdue', 'disputed'];
    const items = (why: AgendaItem['reasons'][number]) =>
      [...reasons.entries()]
        .filter(([id, s]) => s.has(why) && rows.has(id))
        .map(([id, s]) => ({ report: rows.get(id)!, reasons: order.filter((o) => s.has(o)) }))
        .sort((a, b) => a.report.dueAt - b.report.dueAt)
        .slice(0, AGENDA_MAX);
    const topics = await agendaTopics(deps, unit.path, to, at);
    return { unit: ref(unit), date: input.date, since, escalated: items('escalated'), overdue: items('overdue'), disputed: items('disputed'), topics };
  }),
};
