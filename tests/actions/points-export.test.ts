/**
 * The points ledger as a spreadsheet (积分台账): staff export every entry under a unit they run (or one
 * person's), in a range of China days, oldest first, with the columns 日期, 姓名, 积分, 余额, 类别, 原因,
 * 经办人; nobody else exports, and another community's staff reach none of it.
 */
import ExcelJS from 'exceljs';
import type { Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, pointsKit, type PointsKit } from './support/points';

type Out = Outputs['points'];
let k: PointsKit;

async function open(file: Out['exportLedger']) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const sheet = wb.getWorksheet('积分台账')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  k = await pointsKit();
});
afterAll(() => k.h.close());

it('exports the entries under a unit, oldest first, with the balance after each and who granted it', async () => {
  const p = await k.personAt('volunteer', k.otherCompound, '郑台账');
  await k.grant(p.id, 8, k.staff.cred, '重阳节敬老活动');
  k.h.clock.advance(60_000);
  data(await k.call('correct', { clientRequestId: crid(), personId: p.id, points: -3, reason: '多记了一次' }, k.secretary.cred));
  const file = data(await k.call<Out['exportLedger']>('exportLedger', { unitId: k.otherCompound.id }, k.staff.cred));
  expect(file).toMatchObject({ fileName: '阳光花园积分台账_2026-11-23.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const rows = await open(file);
  expect(rows[0][0]).toMatch(/^阳光花园积分台账（全部，导出于 2026-11-23 09:01）$/);
  expect(rows[1]).toEqual(['日期', '姓名', '积分', '余额', '类别', '原因', '经办人']);
  expect(rows.slice(2)).toEqual([
    ['2026-11-23 09:00', '郑台账', 8, 8, '社区奖励', '重阳节敬老活动', k.staff.name],
    ['2026-11-23 09:01', '郑台账', -3, 5, '更正', '多记了一次', k.secretary.name],
  ]);
});

it('exports one person’s entries, and a range of days', async () => {
  const rows = await open(data(await k.call<Out['exportLedger']>('exportLedger', { unitId: k.community.id, from: '2026-11-23', to: '2026-11-23' }, k.staff.cred)));
  expect(rows.length).toBeGreaterThan(2);
  const none = await open(data(await k.call<Out['exportLedger']>('exportLedger', { unitId: k.community.id, to: '2026-11-22' }, k.staff.cred)));
  expect(none).toHaveLength(2);
});

it('is refused to non-staff, to another community’s staff, and for a backwards range', async () => {
  expectFailure(await k.call('exportLedger', {}, k.member.cred), 'AUTH.FORBIDDEN');
  expectFailure(await k.call('exportLedger', { unitId: k.compound.id }, k.branch.cred), 'AUTH.FORBIDDEN');
  expectFailure(await k.call('exportLedger', { unitId: k.community.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'unitId');
  expectFailure(await k.call('exportLedger', { unitId: k.community.id, from: '2026-11-23', to: '2026-11-01' }, k.staff.cred), 'INPUT.INVALID', 'to');
  // 和平社区's own export holds none of 阳光社区's entries.
  const theirs = await open(data(await k.call<Out['exportLedger']>('exportLedger', {}, k.otherStaff.cred)));
  expect(theirs).toHaveLength(2);
});
