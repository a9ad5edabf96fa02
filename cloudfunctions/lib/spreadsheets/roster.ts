/**
 * The party members' roster (党员花名册) as a spreadsheet: one row per check-in with the phone and
 * the branch of origin, and a sheet counting them by type per unit. Built with exceljs (loaded on
 * first use: the members function carries it beside its bundle, as the management function does).
 */
import { MEMBER_TYPES, MEMBER_TYPE_LABEL, VETERAN_LABEL, addToTally, emptyTally, type CheckinView, type MemberTally } from '../../../src/core';
import { chinaTime } from './ledger';
import { excel, workbookBase64 } from './spreadsheet';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE8E6' } };

export const ROSTER_COLUMNS: [string, number][] = [
  ['序号', 6],
  ['姓名', 10],
  ['手机号', 14],
  ['党员类型', 9],
  [VETERAN_LABEL, 9],
  ['报到单位', 24],
  ['组织关系所在党支部', 28],
  ['党支部所在地', 16],
  ['工作单位', 20],
  ['特长', 20],
  ['可提供的服务', 20],
  ['空闲时间', 14],
  ['住址', 24],
  ['状态', 9],
  ['报到通过时间', 17],
  ['转出/撤回日期', 13],
  ['说明', 24],
];

export async function rosterWorkbook(title: string, rows: readonly CheckinView[]): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = '近邻';
  wb.created = new Date(0);

  const sheet = wb.addWorksheet('党员花名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  ROSTER_COLUMNS.forEach(([name, width], i) => {
    header.getCell(i + 1).value = name;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  // Phones are text, so Excel keeps them as they are.
  sheet.getColumn(3).numFmt = '@';
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.name,
      r.phone,
      MEMBER_TYPE_LABEL[r.memberType],
      r.veteran ? '是' : '',
      r.trail,
      r.branch.name,
      r.branch.place ?? '',
      r.workUnit ?? '',
      r.skills.join('、'),
      r.services.join('、'),
      r.freeTime ?? '',
      r.household ? [r.household.trail, r.household.doorLabel].filter(Boolean).join(' ') : '',
      r.statusLabel,
      r.status === 'pending' || r.decidedAt === null || r.status === 'returned' ? '' : chinaTime(r.decidedAt),
      r.endedOn ?? '',
      r.reason ?? '',
    ]).alignment = { vertical: 'top', wrapText: true };
  });

  const counts = wb.addWorksheet('按类型统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  counts.columns = [
    { header: '报到单位', key: 'unit', width: 24 },
    ...MEMBER_TYPES.map((t) => ({ header: MEMBER_TYPE_LABEL[t], key: t, width: 9 })),
    { header: VETERAN_LABEL, key: 'veterans', width: 9 },
    { header: '合计', key: 'total', width: 9 },
  ];
  counts.getRow(1).font = { bold: true };
  counts.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  const byUnit = new Map<string, MemberTally>();
  const total = emptyTally();
  for (const r of rows) {
    if (!byUnit.has(r.trail)) byUnit.set(r.trail, emptyTally());
    addToTally(byUnit.get(r.trail)!, r.memberType, r.veteran, 1);
    addToTally(total, r.memberType, r.veteran, 1);
  }
  const line = (unit: string, t: MemberTally) => ({ unit, ...t.byType, veterans: t.veterans, total: t.total });
  for (const [unit, t] of byUnit) counts.addRow(line(unit, t));
  counts.addRow(line('合计', total)).font = { bold: true };
  return workbookBase64(wb);
}
