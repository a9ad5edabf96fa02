/**
 * The points ledger (积分台账) as a spreadsheet for the management page: one row per entry, oldest
 * first as a paper ledger reads, with the balance after it. Built with exceljs, loaded on first use
 * (spreadsheet.ts): the points function carries it beside its bundle.
 */
import { formatDateTime, type PointsEntryView } from '../../../src/core';
import { excel, workbookBase64 } from './spreadsheet';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF4E5' } };

export const POINTS_LEDGER_COLUMNS: [string, number][] = [
  ['日期', 17],
  ['姓名', 12],
  ['积分', 8],
  ['余额', 8],
  ['类别', 12],
  ['原因', 40],
  ['经办人', 12],
];

export async function pointsLedgerWorkbook(title: string, rows: readonly PointsEntryView[]): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = '近邻';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet('积分台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, POINTS_LEDGER_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  POINTS_LEDGER_COLUMNS.forEach(([name, width], i) => {
    header.getCell(i + 1).value = name;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  for (const e of rows)
    sheet.addRow([formatDateTime(e.at), e.person.name, e.points, e.balanceAfter, e.kindLabel, e.reason, e.grantedBy?.name ?? '系统']).alignment = { vertical: 'top', wrapText: true };
  return workbookBase64(wb);
}
