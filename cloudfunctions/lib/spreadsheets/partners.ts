/**
 * 共建台账 for the year-end review: a workbook with four sheets — 汇总 (the community's figures),
 * 共建单位 (one row per partner), 项目 (the year's projects) and 走访 (the year's visits). Built with
 * exceljs, loaded on first use (spreadsheet.ts): the partners function carries it beside its bundle.
 */
import { excel, workbookBase64 } from './spreadsheet';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF4E5' } };

export interface PartnersSheet {
  name: string;
  /** Column headings and widths. */
  columns: [string, number][];
  rows: (string | number)[][];
}

export async function partnersWorkbook(title: string, sheets: readonly PartnersSheet[]): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = '近邻';
  wb.created = new Date(0);
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.mergeCells(1, 1, 1, s.columns.length);
    sheet.getCell(1, 1).value = title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    const header = sheet.getRow(2);
    s.columns.forEach(([name, width], i) => {
      header.getCell(i + 1).value = name;
      sheet.getColumn(i + 1).width = width;
    });
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = HEADER_FILL));
    for (const row of s.rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
  }
  return workbookBase64(wb);
}
