/** A lecture's roster (confirmed, waiting in order, attended), its spreadsheet, and the figures per lecture and per month. */
import ExcelJS from 'exceljs';
import type { FileDownload, LectureMonthFigures, LectureRoster } from '../../src/core';
import { data, expectFailure, T0 } from '../support/harness';
import { DAY, HOUR, STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

/** A lecture of 3 seats: 甲 (with a companion) and 乙 seated, 丙 and 丁 waiting; 甲 attends. */
async function filled() {
  const l = await k.lecture({ capacity: 3 });
  const a = await k.resident('甲');
  const b = await k.resident('乙', await k.h.unitNamed('2号楼', '阳光花园'));
  const c = await k.resident('丙');
  const d = await k.resident('丁');
  data(await k.signUp(l.id, a.cred, 1));
  data(await k.signUp(l.id, b.cred));
  data(await k.signUp(l.id, c.cred));
  data(await k.signUp(l.id, d.cred));
  k.h.clock.set(STARTS);
  data(await k.h.call('lectures', 'tick', { lectureId: l.id, personId: a.person.id }, k.staff));
  return { l, a, b, c, d };
}

describe('the roster', () => {
  it('lists the confirmed in the order they got their seats, the waiting in order, and who attended', async () => {
    const { l } = await filled();
    const roster = data(await k.h.call<LectureRoster>('lectures', 'roster', { id: l.id }, k.secretary));
    expect(roster.confirmed.map((e) => [e.person.name, e.home, e.seats, e.attendedViaLabel])).toEqual([
      ['甲', '幸福里小区 1号楼', 2, '工作人员勾选'],
      ['乙', '阳光花园 2号楼', 1, null],
    ]);
    expect(roster.waiting.map((e) => [e.person.name, e.place])).toEqual([
      ['丙', 1],
      ['丁', 2],
    ]);
    expect(roster.confirmed[0].person.phone).toMatch(/^137/);
    expect(roster.figures).toEqual({ signedUp: 3, waiting: 2, attended: 2, attendanceRate: 2 / 3, noShows: null });
    expect(roster.lecture).toMatchObject({ id: l.id, confirmedSeats: 3, waiting: 2 });
  });

  it('exports the roster as a spreadsheet with a sign-in sheet to print, the waiting list and the figures', async () => {
    const { l } = await filled();
    const file = data(await k.h.call<FileDownload>('lectures', 'exportRoster', { id: l.id }, k.staff));
    expect(file.fileName).toMatch(/^冬季老年人慢病管理_\d{4}-\d{2}-\d{2}_名单\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['签到表', '候补', '统计']);
    const names = (sheet: string) => {
      const out: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row, n) => n > 2 && out.push(String(row.getCell(2).value)));
      return out;
    };
    expect(names('签到表')).toEqual(['甲', '乙']);
    expect(names('候补')).toEqual(['丙', '丁']);
    expect(wb.getWorksheet('签到表')!.getRow(2).values).toContain('签名');
  });

  it('refuses the roster, its spreadsheet and the figures to anyone but the community’s staff', async () => {
    const { l, a } = await filled();
    for (const [action, input] of [
      ['roster', { id: l.id }],
      ['exportRoster', { id: l.id }],
      ['figures', { communityId: k.community.id, month: '2026-11' }],
    ] as const)
      expectFailure(await k.h.call('lectures', action, input, a.cred), 'AUTH.FORBIDDEN');
    expectFailure(await k.h.call('lectures', 'roster', { id: 'lec_missing' }, k.staff), 'LECTURE.NOT_FOUND', 'id');
    expectFailure(await k.h.call('lectures', 'figures', { communityId: k.community.id, month: '2026-13' }, k.staff), 'INPUT.INVALID', 'month');
  });
});

describe('figures', () => {
  it('counts per lecture and per month: signed up, attended, attendance rate, no-shows (once a lecture has ended)', async () => {
    const held = await k.lecture({ capacity: 4, startsAt: T0 + 3 * DAY, endsAt: T0 + 3 * DAY + 2 * HOUR, signupUntil: T0 + 2 * DAY });
    const later = await k.lecture({ title: '月底的讲座', startsAt: T0 + 6 * DAY, endsAt: T0 + 6 * DAY + HOUR, signupUntil: T0 + 5 * DAY });
    const dropped = await k.lecture({ title: '取消的讲座', startsAt: T0 + 4 * DAY, endsAt: T0 + 4 * DAY + HOUR, signupUntil: T0 + 3 * DAY });
    const nextMonth = await k.lecture({ title: '下个月的', startsAt: T0 + 10 * DAY, endsAt: T0 + 10 * DAY + HOUR });
    const people = await Promise.all(['甲', '乙', '丙'].map((n) => k.resident(n)));
    for (const p of people) for (const l of [held, later, dropped, nextMonth]) data(await k.signUp(l.id, p.cred, p === people[0] ? 1 : 0));
    data(await k.h.call('lectures', 'cancel', { id: dropped.id, version: dropped.version, reason: '讲师有事' }, k.staff));
    k.h.clock.set(held.startsAt);
    data(await k.h.call('lectures', 'tick', { lectureId: held.id, personId: people[0].person.id }, k.staff));
    k.h.clock.set(held.endsAt + HOUR);
    const month = data(await k.h.call<LectureMonthFigures>('lectures', 'figures', { communityId: k.community.id, month: '2026-11' }, k.staff));
    expect(month.lectures.map((r) => r.lecture.title)).toEqual(['冬季老年人慢病管理', '取消的讲座', '月底的讲座']);
    expect(month.lectures[0].figures).toEqual({ signedUp: 4, waiting: 0, attended: 2, attendanceRate: 0.5, noShows: 2 });
    expect(month.lectures[1].figures).toEqual({ signedUp: 0, waiting: 0, attended: 0, attendanceRate: null, noShows: null });
    expect(month.lectures[2].figures).toEqual({ signedUp: 4, waiting: 0, attended: 0, attendanceRate: null, noShows: null });
    expect(month.total).toEqual({ signedUp: 8, waiting: 0, attended: 2, attendanceRate: 0.5, noShows: 2 });
  });
});
