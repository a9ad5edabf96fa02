/** Giving reports to another handler of their level: who can take them, and the bulk reassignment. */
import { DomainError, HANDLER_ROLES, ROLE_LABEL, handlesOn, isOpen, managesReportsIn, reassign as reassignReport, streetIdOfPath, viewPerson } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { auditEntry } from '../common';
import { personAction, type FunctionDef } from '../define';
import { policyFor } from '../policy';
import { chainOf } from '../reports/routing';
import { about, labelOf, noticeTo } from '../reports/notices';
import { ref, staffRoots, staffUnit } from './scope';

export const reassign: FunctionDef = {
  handlers: personAction(schemas.management.handlers, async (ctx, input) => {
    const unit = await staffUnit(ctx, input.unitId);
    const units = await ctx.deps.store.units.listSubtree(unit.path);
    const byId = new Map(units.map((u) => [u.id, u]));
    const bindings = await ctx.deps.store.bindings.listWithRoles(units.map((u) => u.id), HANDLER_ROLES);
    const people = new Map((await ctx.deps.store.people.getMany([...new Set(bindings.map((b) => b.personId))])).map((p) => [p.id, p]));
    return bindings
      .filter((b) => people.has(b.personId) && byId.has(b.unitId))
      .map((b) => ({ person: viewPerson(people.get(b.personId)!), role: b.role, roleLabel: ROLE_LABEL[b.role], unit: ref(byId.get(b.unitId)!) }))
      .sort((a, b) => a.unit.path.length - b.unit.path.length || a.unit.path.localeCompare(b.unit.path) || a.person.name.localeCompare(b.person.name, 'zh-Hans-CN'));
  }),

  reassign: personAction(schemas.management.reassign, async (ctx, input) => {
    const { deps } = ctx;
    staffRoots(ctx);
    const handler = await deps.store.people.get(input.handlerId);
    if (!handler) throw new DomainError('PERSON.NOT_FOUND', undefined, 'handlerId');
    const handlerBindings = await deps.store.bindings.listForPerson(handler.id);
    const results: { id: string; ok: boolean; code?: string; message?: string }[] = [];
    for (const item of input.reports) {
      try {
        const r = await deps.store.reports.get(item.id);
        if (!r || !managesReportsIn(ctx.caller.bindings, { path: r.unitPath })) throw new DomainError('REPORT.NOT_FOUND');
        if (r.version !== item.version) throw new DomainError('CONFLICT.VERSION');
        if (!isOpen(r.status)) throw new DomainError('REPORT.NOT_ALLOWED', '这条反映已办结或已关闭，不能改派');
        const levelUnit = (await chainOf(deps, { path: r.unitPath })).find((u) => (r.levelUnitId ? u.id === r.levelUnitId : u.kind === r.level));
        if (!levelUnit || !handlerBindings.some((b) => b.unitId === levelUnit.id && handlesOn(b.role, levelUnit.kind)))
          throw new DomainError('REPORT.BAD_HANDLER', `${handler.name}不是${levelUnit?.name ?? '该层级'}的负责人，不能改派给他`);
        if (r.handlerId === handler.id) {
          results.push({ id: r.id, ok: true });
          continue;
        }
        const policy = await policyFor(deps, r.communityId);
        const change = reassignReport(
          { cal: await deps.calendars.forStreet(streetIdOfPath(r.unitPath)), policy, now: deps.clock.now(), actorId: ctx.caller.person.id, newId: () => deps.ids.next('evt') },
          r,
          handler.id,
          levelUnit.id,
          input.note ? `改派给${handler.name}：${input.note}` : `改派给${handler.name}`,
        );
        // The report, its audit entry and the new handler's message in one write.
        // Named for what it is about (category and place) and quoting what the resident wrote, like every report notice.
        const [notice] = noticeTo(handler.id, 'report.assigned', '交给您办理的民情反映', { note: input.note || r.description }, about(r, await labelOf(deps, r, policy)));
        const saved = await deps.store.reports.save(change.report, item.version, change.entries, {
          audit: [auditEntry(ctx, 'desk.reassign', 'report', r.id, { reportId: r.id, fromHandlerId: r.handlerId, toHandlerId: handler.id, note: input.note ?? null }, r.unitPath)],
          messages: [deps.notifier.message(notice)],
        });
        if (!saved) throw new DomainError('CONFLICT.VERSION');
        await deps.notifier.deliver(notice);
        results.push({ id: r.id, ok: true });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ id: item.id, ok: false, code: e.code, message: e.message });
      }
    }
    return { results };
  }),
};
