/**
 * The points ledger as a spreadsheet (.xlsx, 积分台账) for staff: every entry under a unit they run (or
 * one person's), in a range of China days — not a page — oldest first.
 */
import { DomainError, formatChina, type PointsEntry } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { pointsLedgerWorkbook } from '../../spreadsheets/points-ledger';
import { XLSX_MIME } from '../../spreadsheets/spreadsheet';
import { personAction, type FunctionDef } from '../define';
import { ledgerQuery } from './ledger';
import { entryViews } from './views';

/** More entries than a community writes in years; past it a shorter range is exported. */
export const LEDGER_EXPORT_MAX = 50_000;
const PAGE = 1000;

export const exportLedger: FunctionDef = {
  exportLedger: personAction(schemas.points.exportLedger, async (ctx, input) => {
    const { deps } = ctx;
    const { query, place } = await ledgerQuery(ctx, input);
    const first = await deps.store.points.list(query, PAGE, 0);
    if (first.total > LEDGER_EXPORT_MAX) throw new DomainError('INPUT.INVALID', `符合条件的有 ${first.total} 条，一次最多导出 ${LEDGER_EXPORT_MAX} 条，请缩短日期范围`, 'from');
    const entries: PointsEntry[] = [...first.entries];
    while (entries.length < first.total) {
      const more = await deps.store.points.list(query, PAGE, entries.length);
      if (more.entries.length === 0) break;
      entries.push(...more.entries);
    }
    // The store lists newest first; a ledger reads from the oldest.
    entries.reverse();
    const now = deps.clock.now();
    const range = input.from || input.to ? `${input.from ?? '开始'} 至 ${input.to ?? '今天'}` : '全部';
    return {
      fileName: `${place}积分台账_${formatChina(now, 'YYYY-MM-DD')}.xlsx`,
      mimeType: XLSX_MIME,
      base64: await pointsLedgerWorkbook(`${place}积分台账（${range}，导出于 ${formatChina(now, 'YYYY-MM-DD HH:mm')}）`, await entryViews(deps, entries)),
    };
  }),
};
