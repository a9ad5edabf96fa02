/**
 * The response rate (响应率) counts only reports whose response is settled: responded (whenever), or
 * not responded with the response deadline passed. On the morning of 1 December the reports filed
 * that morning, still inside their deadline, are neither on time nor missed: the dashboard, its
 * drill-down on the desk, reports.figures and the ledger leave them out until their deadline passes.
 */
import ExcelJS from 'exceljs';
import type { Dashboard, FileDownload, Outputs, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { report } from '../support/factories';
import { data, harness, type Harness } from '../support/harness';

const at = (t: string) => Date.parse(`2026-12-01T${t}:00+08:00`);

/** The ledger's rates sheet as rows of { header: value }. */
async function rateRows(file: FileDownload): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const sheet = wb.getWorksheet('三率统计')!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i).value]).filter(([h]) => h)));
  });
  return rows;
}

describe('the response rate counts only reports whose response is settled', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  const ids: Record<'onTime' | 'missed' | 'notYetDue', string> = { onTime: '', missed: '', notYetDue: '' };
  beforeAll(async () => {
    h = await harness({ residents: 5 });
    community = await h.unitNamed('阳光社区');
    // Signed in that morning (a session from the harness's 23 November would have expired).
    h.clock.set(at('08:00'));
    staff = await h.as('shequ');
    const b1 = await h.unitNamed('1号楼', '幸福里小区');
    const made = {
      // responded at 09:00, inside its deadline
      onTime: report(b1, { at: at('08:30'), firstRespondBy: at('12:30'), respondedAt: at('09:00'), status: 'responded' }),
      // filed overnight, its deadline 09:30 passed without a response
      missed: report(b1, { at: at('00:10'), firstRespondBy: at('09:30') }),
      // filed at 09:30, due by 13:30, not responded yet
      notYetDue: report(b1, { at: at('09:30'), firstRespondBy: at('13:30') }),
    };
    for (const [k, m] of Object.entries(made)) {
      await h.store.reports.insert(m.report, m.entries);
      ids[k as keyof typeof ids] = m.report.id;
    }
  });
  afterAll(() => h.close());

  const dashboard = async () => data(await h.call<Dashboard>('management', 'dashboard', {}, staff));

  it('leaves a report still inside its response deadline out of the dashboard’s rate, and the desk lists exactly the reports counted', async () => {
    h.clock.set(at('10:00'));
    const d = await dashboard();
    expect(d.month).toBe('2026-12');
    const rate = d.thisMonth.responseRate;
    expect({ reports: d.thisMonth.reports.value, numerator: rate.numerator.value, denominator: rate.denominator.value, rate: rate.rate }).toEqual({
      reports: 3,
      numerator: 1,
      denominator: 2,
      rate: 0.5,
    });
    expect(rate.denominator.filter).toMatchObject({ unitId: community.id, counted: true, responseSettledBy: at('10:00') });
    const listed = data(await h.call<Outputs['management']['list']>('management', 'list', { filter: rate.denominator.filter }, staff));
    expect(listed.total).toBe(2);
    expect(listed.rows.map((r) => r.id).sort()).toEqual([ids.onTime, ids.missed].sort());
  });

  it('counts it once its deadline passes unanswered', async () => {
    h.clock.set(at('14:00'));
    const rate = (await dashboard()).thisMonth.responseRate;
    expect([rate.numerator.value, rate.denominator.value]).toEqual([1, 3]);
    expect(rate.rate).toBeCloseTo(1 / 3, 10);
  });

  it('gives the same rate in reports.figures and in the ledger', async () => {
    h.clock.set(at('10:00'));
    const f = data(await h.call<Outputs['reports']['figures']>('reports', 'figures', { unitId: community.id, month: '2026-12' }, staff));
    expect(f).toMatchObject({ reports: 3, responded: 1, responseDue: 2, respondedOnTime: 1, responseRate: 0.5 });
    const file = data(await h.call<FileDownload>('management', 'ledger', { unitId: community.id, from: '2026-12-01', to: '2026-12-01' }, staff));
    const total = (await rateRows(file)).find((r) => r['单位'] === '合计')!;
    expect(total).toMatchObject({ 反映数: 3, 应响应: 2, 按时响应: 1, 响应率: 0.5 });
  });
});
