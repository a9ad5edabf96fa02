/** The audit log: who did what, when, to which unit, person or report, in words staff read. */
import { DEFAULT_POLICY, ROLE_LABEL, findCategory, type AuditView, type Report } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../store/port';
import { personAction, type FunctionDef } from '../define';
import { auditLabel } from './audit-labels';
import { staffUnit } from './scope';

/** Report actions are recorded against the report's unit with detail.reportId: shown as about the report. */
function auditTarget(e: AuditEntry): { kind: string; id: string } {
  const reportId = e.detail.reportId;
  if (typeof reportId === 'string' && e.action.startsWith('reports.')) return { kind: 'report', id: reportId };
  return { kind: e.targetKind, id: e.targetId };
}

async function auditViews(deps: Deps, entries: readonly AuditEntry[]): Promise<AuditView[]> {
  const targets = entries.map(auditTarget);
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  const reportIds = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const t = targets[i];
    if (e.actorId) personIds.add(e.actorId);
    if (t.kind === 'unit' || t.kind === 'settings') unitIds.add(t.id);
    if (t.kind === 'holidays') unitIds.add(t.id.split(':')[0]);
    if (t.kind === 'person') personIds.add(t.id);
    if (t.kind === 'report') reportIds.add(t.id);
    if (t.kind === 'binding' || t.kind === 'import') {
      if (typeof e.detail.unitId === 'string') unitIds.add(e.detail.unitId);
      if (typeof e.detail.personId === 'string') personIds.add(e.detail.personId);
    }
  }
  const [units, people, reports] = await Promise.all([
    deps.store.units.getMany([...unitIds]),
    deps.store.people.getMany([...personIds]),
    Promise.all([...reportIds].map((id) => deps.store.reports.get(id))),
  ]);
  const unit = new Map(units.map((u) => [u.id, u.name]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  const report = new Map(reports.filter((r): r is Report => !!r).map((r) => [r.id, r]));
  return entries.map((e, i) => {
    const t = targets[i];
    let targetName: string | null = null;
    if (t.kind === 'unit') targetName = unit.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'person') targetName = person.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'settings') targetName = `${unit.get(t.id) ?? ''}反映时限设置`;
    else if (t.kind === 'holidays') targetName = `${unit.get(t.id.split(':')[0]) ?? ''}${String(e.detail.year ?? '')}年节假日安排`;
    else if (t.kind === 'import') targetName = (e.detail.fileName as string | undefined) ?? null;
    else if (t.kind === 'report') {
      const r = report.get(t.id);
      targetName = r ? `${findCategory(DEFAULT_POLICY, r.category)?.name ?? r.category}：${r.description.slice(0, 20)}` : null;
    } else if (t.kind === 'binding') {
      const role = e.detail.role as keyof typeof ROLE_LABEL | undefined;
      targetName = [person.get(e.detail.personId as string), role ? ROLE_LABEL[role] : null, unit.get(e.detail.unitId as string)].filter(Boolean).join(' · ') || null;
    }
    const { requestId: _r, ...detail } = e.detail;
    return {
      id: e.id,
      at: e.at,
      actorName: e.actorId ? (person.get(e.actorId) ?? null) : '系统',
      action: e.action,
      actionLabel: auditLabel(e.action),
      targetKind: t.kind,
      targetId: t.id,
      targetName,
      detail,
    };
  });
}

export const auditLog: FunctionDef = {
  audit: personAction(schemas.management.audit, async (ctx, input) => {
    const { deps } = ctx;
    const unit = await staffUnit(ctx, input.unitId);
    const limit = input.limit ?? 50;
    const filter = { path: unit.path, targetId: input.targetId, actorId: input.actorId, action: input.action, from: input.from, to: input.to, before: input.before };
    let entries = await deps.store.audit.search(filter, limit + 1);
    const more = entries.length > limit;
    if (more) {
      // Page on a whole millisecond: the next page starts `before` the last one shown, so the
      // entries sharing that instant all go on this page.
      const edge = entries[limit - 1].at;
      entries = entries.slice(0, limit).filter((e) => e.at !== edge);
      entries.push(...(await deps.store.audit.search({ ...filter, from: Math.max(edge, filter.from ?? edge), to: edge + 1 }, 10_000)));
    }
    return { entries: await auditViews(deps, entries), more };
  }),
};
