/**
 * The ledger (台账): the staff's spreadsheet of a unit's reports for a date range — one row per
 * report with its timeline summary, and a sheet with the three rates per unit — plus the import
 * templates. Built with exceljs (loaded on first use).
 */
import {
  CHANNEL_LABEL,
  LEVEL_LABEL,
  RATING_LABEL,
  STATUS_LABEL,
  figures,
  formatDateTime,
  type ImportKind,
  type Report,
  type TimelineEntry,
  type Unit,
} from '../../../src/core';
import { IMPORT_COLUMNS, IMPORT_EXAMPLES, IMPORT_NOTES } from './import';
import { excel, workbookBase64 } from './spreadsheet';

/** "2026-11-23 09:05" in China time; an empty cell for a time that has not come. */
export function chinaTime(t: number | null): string {
  return t === null ? '' : formatDateTime(t);
}

export interface LedgerRow {
  report: Report;
  timeline: TimelineEntry[];
  categoryName: string;
  place: string;
  residentName: string | null;
  residentPhone: string | null;
  handlerName: string | null;
  names: Map<string, string>;
}

export interface LedgerUnitRow {
  unit: Unit | null;
  name: string;
  reports: Report[];
}

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8F0FE' } };

function escalations(t: TimelineEntry[], names: Map<string, string>): string {
  return t
    .filter((e) => e.type === 'escalate')
    .map((e) => `${chinaTime(e.at)} ${e.fromLevel ? LEVEL_LABEL[e.fromLevel] : ''}→${e.toLevel ? LEVEL_LABEL[e.toLevel] : ''}${e.actorId ? `（${names.get(e.actorId) ?? ''}）` : '（超时自动上报）'}`)
    .join('\n');
}

/** `now`: the export's time; the response rate counts only reports whose response is settled by then. */
export async function ledgerWorkbook(title: string, rows: LedgerRow[], units: LedgerUnitRow[], now: number): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = '近邻';
  wb.created = new Date(0);

  const sheet = wb.addWorksheet('反映台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns: [string, number][] = [
    ['编号', 22],
    ['提交时间', 17],
    ['类别', 12],
    ['反映内容', 40],
    ['地点', 18],
    ['来源', 10],
    ['居民', 10],
    ['联系电话', 14],
    ['状态', 12],
    ['当前层级', 9],
    ['负责人', 10],
    ['受理（首次响应）时间', 17],
    ['响应时限', 17],
    ['办结期限', 17],
    ['上报记录', 34],
    ['办结时间', 17],
    ['办结层级', 9],
    ['是否超时', 9],
    ['评价', 10],
    ['评价说明', 24],
    ['回访', 16],
  ];
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  columns.forEach(([name, width], i) => {
    header.getCell(i + 1).value = name;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  for (const x of rows) {
    const r = x.report;
    sheet.addRow([
      r.id,
      chinaTime(r.createdAt),
      x.categoryName,
      r.description,
      [x.place, r.location].filter(Boolean).join(' '),
      CHANNEL_LABEL[r.channel],
      x.residentName ?? '',
      x.residentPhone ?? '',
      STATUS_LABEL[r.status],
      LEVEL_LABEL[r.level],
      x.handlerName ?? '',
      chinaTime(r.respondedAt),
      chinaTime(r.firstRespondBy),
      // The resolve deadline of the level the report is at, or was resolved at (escalations restart it).
      chinaTime(r.dueAt),
      escalations(x.timeline, x.names),
      chinaTime(r.resolvedAt),
      r.resolvedLevel ? LEVEL_LABEL[r.resolvedLevel] : '',
      r.breached ? '是' : '否',
      r.rating ? RATING_LABEL[r.rating] : '',
      r.ratingNote ?? '',
      r.followUp ? (r.followUp.status === 'open' ? '待回访' : `已回访 ${chinaTime(r.followUp.closedAt)}`) : '',
    ]).alignment = { vertical: 'top', wrapText: true };
  }

  const rates = wb.addWorksheet('三率统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  rates.columns = [
    { header: '单位', key: 'name', width: 18 },
    { header: '反映数', key: 'reports', width: 9 },
    { header: '应响应', key: 'responseDue', width: 9 },
    { header: '按时响应', key: 'respondedOnTime', width: 10 },
    { header: '响应率', key: 'responseRate', width: 9, style: { numFmt: '0.0%' } },
    { header: '办结数', key: 'resolved', width: 9 },
    { header: '按时办结', key: 'resolvedOnTime', width: 10 },
    { header: '按时办结率', key: 'onTimeRate', width: 11, style: { numFmt: '0.0%' } },
    { header: '评价数', key: 'rated', width: 9 },
    { header: '满意（含基本满意）', key: 'satisfied', width: 18 },
    { header: '满意率', key: 'satisfactionRate', width: 9, style: { numFmt: '0.0%' } },
  ];
  rates.getRow(1).font = { bold: true };
  rates.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  for (const u of units) {
    const f = figures(u.reports, now);
    rates.addRow({
      name: u.name,
      reports: f.reports,
      responseDue: f.responseDue,
      respondedOnTime: f.respondedOnTime,
      responseRate: f.responseRate ?? '—',
      resolved: f.resolved,
      resolvedOnTime: f.resolvedOnTime,
      onTimeRate: f.onTimeRate ?? '—',
      rated: f.rated,
      satisfied: f.satisfied,
      satisfactionRate: f.satisfactionRate ?? '—',
    });
  }
  rates.addRow([]);
  rates.addRow(['说明：响应率 = 按时响应 / 应响应（已响应的，和未响应但已过响应时限的；导出时还没到响应时限的不计入）；按时办结率 = 各级都未超时办结 / 办结数；满意率 = 满意和基本满意 / 评价数。重复反映不计入。']);
  return workbookBase64(wb);
}

export async function templateWorkbook(kind: ImportKind): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.created = new Date(0);
  const sheet = wb.addWorksheet(kind === 'units' ? '单位' : '居民');
  const cols = [...IMPORT_COLUMNS[kind].required, ...IMPORT_COLUMNS[kind].optional];
  sheet.columns = cols.map((c) => ({ header: c, key: c, width: c === '所在楼栋' || c === '上级单位' ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  // Phones are text, so Excel keeps them as typed.
  const phoneCol = cols.indexOf('手机号');
  if (phoneCol >= 0) sheet.getColumn(phoneCol + 1).numFmt = '@';
  for (const ex of IMPORT_EXAMPLES[kind]) sheet.addRow(ex);
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 90;
  notes.addRow(['填写说明（导入时只读取第一个工作表；示例行请删除后再填写）']).font = { bold: true };
  for (const n of IMPORT_NOTES[kind]) notes.addRow([n]);
  return workbookBase64(wb);
}
