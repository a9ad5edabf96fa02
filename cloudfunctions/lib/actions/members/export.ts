/**
 * The roster as a spreadsheet (.xlsx) for the branch secretary and community staff: the same
 * filters as the roster, every matching member (not a page), and the counts by type per unit.
 */
import { DomainError, formatChina } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { rosterWorkbook } from '../../spreadsheets/roster';
import { XLSX_MIME } from '../../spreadsheets/spreadsheet';
import { personAction, type FunctionDef } from '../define';
import { rosterQuery } from './scope';
import { checkinNames, checkinView } from './views';

/** More members than a street has; a roster past it is exported a unit at a time. */
export const EXPORT_MAX = 20_000;
const PAGE = 1000;

export const exportRoster: FunctionDef = {
  export: personAction(schemas.members.export, async (ctx, input) => {
    const { deps } = ctx;
    const { units, query } = await rosterQuery(ctx, input);
    const first = await deps.store.checkins.roster(query, PAGE, 0);
    if (first.total > EXPORT_MAX) throw new DomainError('INPUT.INVALID', `符合条件的有 ${first.total} 人，一次最多导出 ${EXPORT_MAX} 人，请选一个单位导出`, 'unitId');
    const checkins = [...first.checkins];
    while (checkins.length < first.total) {
      const more = await deps.store.checkins.roster(query, PAGE, checkins.length);
      if (more.checkins.length === 0) break;
      checkins.push(...more.checkins);
    }
    const names = await checkinNames(deps, checkins, units);
    const place = units.map((u) => u.name).join('、');
    const now = deps.clock.now();
    return {
      fileName: `${place}党员花名册_${formatChina(now, 'YYYY-MM-DD')}.xlsx`,
      mimeType: XLSX_MIME,
      base64: await rosterWorkbook(`${place}党员花名册（导出于 ${formatChina(now, 'YYYY-MM-DD HH:mm')}）`, checkins.map((c) => checkinView(c, names, 'whole'))),
    };
  }),
};
