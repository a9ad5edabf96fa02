import ExcelJS from 'exceljs';
import type { FileDownload, Outputs, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, harness, type Harness } from '../support/harness';

/** The ledger's report sheet as rows of { header: text }. */
async function ledgerRows(file: FileDownload): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const sheet = wb.getWorksheet('反映台账')!;
  const header = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i).value ?? '')]).filter(([h]) => h)));
  });
  return rows;
}

describe('the ledger (management.ledger)', () => {
  let h: Harness;
  let staff: Credentials;
  let compound: Unit;
  beforeAll(async () => {
    h = await harness({ residents: 5 });
    staff = await h.as('shequ');
    compound = await h.unitNamed('幸福里小区');
  });
  afterAll(() => h.close());

  it('has a deadline column (办结期限) with each report’s resolve deadline, in China time', async () => {
    const b1 = await h.unitNamed('1号楼', '幸福里小区');
    const jumin = await h.as('jumin');
    const noise = data(await h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: 'ledger-due-1', unitId: b1.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着' }, jumin)).report;
    const lift = data(await h.call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: 'ledger-due-2', unitId: b1.id, category: 'lift', description: '3单元电梯停了，老人下不了楼' }, jumin)).report;
    const file = data(await h.call<FileDownload>('management', 'ledger', { unitId: compound.id, from: '2026-11-23', to: '2026-11-23' }, staff));
    const rows = await ledgerRows(file);
    const header = Object.keys(rows[0]);
    expect(header.indexOf('办结期限')).toBe(header.indexOf('响应时限') + 1);
    const byId = new Map(rows.map((r) => [r['编号'], r]));
    // Monday 09:00: the building's one working day ends at 17:00; the lift's urgent 24 hours at 09:00 the next day.
    expect(byId.get(noise.id)!['办结期限']).toBe('2026-11-23 17:00');
    expect(byId.get(lift.id)!['办结期限']).toBe('2026-11-24 09:00');
  });
});
