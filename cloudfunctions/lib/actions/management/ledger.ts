/** The ledger (台账): every report of a unit created in a date range, as a spreadsheet. */
import { DomainError, ancestorIds, dayKey, dayStart, type Report, type TimelineEntry } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { chinaTime, ledgerWorkbook, type LedgerRow, type LedgerUnitRow } from '../../spreadsheets/ledger';
import { XLSX_MIME } from '../../spreadsheets/spreadsheet';
import type { ReportQuery } from '../../store/port';
import { personAction, type FunctionDef } from '../define';
import { namesFor } from '../reports/views';
import { rowsOf } from './rows';
import { staffUnit } from './scope';

const DAY = 24 * 3600_000;
/** The most reports one ledger holds (a year of a large community is a few thousand). */
const LEDGER_MAX = 50_000;

export const ledger: FunctionDef = {
  ledger: personAction(schemas.management.ledger, async (ctx, input) => {
    const { deps } = ctx;
    for (const field of ['from', 'to'] as const) if (dayKey(dayStart(input[field])) !== input[field]) throw new DomainError('INPUT.INVALID', `没有 ${input[field]} 这一天`, field);
    const unit = await staffUnit(ctx, input.unitId);
    const now = deps.clock.now();
    const q: ReportQuery = { path: unit.path, now, createdFrom: dayStart(input.from), createdTo: dayStart(input.to) + DAY };
    const total = await deps.store.reportQueries.count(q);
    if (total > LEDGER_MAX) throw new DomainError('DESK.TOO_MANY', `这段时间有 ${total} 件反映，一次最多导出 ${LEDGER_MAX} 件，请缩短日期范围`, 'to');
    const reports: Report[] = [];
    for (let offset = 0; offset < total; offset += 1000) reports.push(...(await deps.store.reportQueries.list(q, 'createdAt', 1000, offset)));
    const timelines = new Map<string, TimelineEntry[]>();
    for (let i = 0; i < reports.length; i += 1000) for (const [id, t] of await deps.store.reportQueries.timelines(reports.slice(i, i + 1000).map((r) => r.id))) timelines.set(id, t);
    const actorIds = [...new Set([...timelines.values()].flat().map((e) => e.actorId).filter((x): x is string => !!x))];
    const names = await namesFor(deps, reports, actorIds);
    const rows = await rowsOf(deps, reports);
    const personNames = new Map([...names.people].map(([id, p]) => [id, p.name]));
    const ledgerRows: LedgerRow[] = reports.map((r, i) => ({
      report: r,
      timeline: timelines.get(r.id) ?? [],
      categoryName: rows[i].categoryName,
      place: rows[i].place,
      residentName: rows[i].residentName,
      residentPhone: rows[i].residentPhone,
      handlerName: rows[i].handlerName,
      names: personNames,
    }));
    const children = (await deps.store.units.listSubtree(unit.path, { includeArchived: true })).filter((u) => u.parentId === unit.id);
    const childOf = (r: Report) => ancestorIds(r.unitPath)[ancestorIds(unit.path).length] ?? null;
    const unitRows: LedgerUnitRow[] = [
      ...children.map((c) => ({ unit: c, name: c.name, reports: reports.filter((r) => childOf(r) === c.id) })).filter((u) => u.reports.length > 0 || !u.unit.archived),
      ...(reports.some((r) => childOf(r) === null) ? [{ unit, name: `${unit.name}（本级）`, reports: reports.filter((r) => childOf(r) === null) }] : []),
      { unit: null, name: '合计', reports },
    ];
    const title = `${unit.name}民情反映台账（${input.from} 至 ${input.to}，导出于 ${chinaTime(now)}）`;
    return {
      fileName: `${unit.name}台账_${input.from}至${input.to}.xlsx`,
      mimeType: XLSX_MIME,
      base64: await ledgerWorkbook(title, ledgerRows, unitRows, now),
    };
  }),
};
