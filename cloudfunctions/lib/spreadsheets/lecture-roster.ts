/**
 * A lecture's roster as a spreadsheet: 签到表 (the confirmed, with an empty column to sign or tick on
 * a printed copy, for people without phones), 候补 (the waiting list in order) and 统计 (the figures).
 * Built with exceljs, loaded on first use (spreadsheet.ts).
 */
import { formatDateTime, type LectureFigures, type LectureRoster, type RosterEntry } from '../../../src/core';
import { excel, workbookBase64 } from './spreadsheet';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8F0FE' } };
const time = (t: number | null) => (t === null ? '' : formatDateTime(t));

type Sheet = import('exceljs').Worksheet;

function titled(sheet: Sheet, title: string, columns: [string, number][]): void {
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
}

const who = (e: RosterEntry) => [e.person.name, e.person.phone ?? '', e.home ?? '', e.seats];

function figureRows(f: LectureFigures): [string, string | number][] {
  return [
    ['报名人数（含同行）', f.signedUp],
    ['候补（组）', f.waiting],
    ['签到人数', f.attended],
    ['到场率', f.attendanceRate === null ? '讲座开始后统计' : `${(f.attendanceRate * 100).toFixed(1)}%`],
    ['未到人数', f.noShows === null ? '讲座结束后统计' : f.noShows],
  ];
}

export async function rosterWorkbook(roster: LectureRoster, now: number): Promise<string> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = '近邻';
  wb.created = new Date(0);
  const l = roster.lecture;
  const heading = `${l.title}（${formatDateTime(l.startsAt)}，${l.venue}）`;

  const signIn = wb.addWorksheet('签到表', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  titled(signIn, `${heading} 签到表`, [
    ['序号', 6],
    ['姓名', 12],
    ['电话', 14],
    ['住址', 20],
    ['人数', 6],
    ['报名时间', 17],
    ['签到时间', 17],
    ['签到方式', 12],
    ['签名', 16],
  ]);
  roster.confirmed.forEach((e, i) => {
    signIn.addRow([i + 1, ...who(e), time(e.confirmedAt), time(e.attendedAt), e.attendedViaLabel ?? '', '']).height = 24;
  });

  const waiting = wb.addWorksheet('候补', { views: [{ state: 'frozen', ySplit: 2 }] });
  titled(waiting, `${heading} 候补名单`, [
    ['位次', 6],
    ['姓名', 12],
    ['电话', 14],
    ['住址', 20],
    ['人数', 6],
    ['报名时间', 17],
  ]);
  for (const e of roster.waiting) waiting.addRow([e.place, ...who(e), time(e.signedUpAt)]);

  const stats = wb.addWorksheet('统计');
  stats.columns = [
    { header: '项目', key: 'k', width: 20 },
    { header: '数值', key: 'v', width: 18 },
  ];
  stats.getRow(1).font = { bold: true };
  stats.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  for (const [k, v] of [['讲座', l.title], ['时间', formatDateTime(l.startsAt)], ['地点', l.venue], ['座位数', l.capacity], ...figureRows(roster.figures), ['导出时间', formatDateTime(now)]] as [string, string | number][]) stats.addRow({ k, v });

  return workbookBase64(wb);
}
