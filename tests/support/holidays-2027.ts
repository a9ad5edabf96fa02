/**
 * 2027's holidays for tests, written the way the State Council's notice lists them.
 *
 * A SAMPLE, not the notice: on 2026-12-01 the 国务院办公厅关于2027年部分节假日安排的通知 was in no source
 * we could reach (chinese-days 1.5.7 and every calendar feed we searched stop at 2026). It follows the
 * usual pattern on 2027's real festival dates (春节 2月6日 正月初一 with 除夕 2月5日; 清明 4月5日; 端午 6月9日;
 * 中秋 9月15日) and the statutory days since 2025 (春节 4, 劳动节 2, 国庆 3, the rest 1). Only 元旦 matters to
 * the deadline tests, and 1月1日 is a holiday in every notice; replace the rest when the notice is out.
 */
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 24 * 3600_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

export const SAMPLE_2027 = {
  offDays: [
    ...range('2027-01-01', '2027-01-03'), // 元旦：1月1日（周五）至3日（周日）放假，共3天。
    ...range('2027-02-05', '2027-02-11'), // 春节：2月5日（除夕、周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。
    ...range('2027-04-03', '2027-04-05'), // 清明节：4月3日（周六）至5日（周一）放假，共3天。
    ...range('2027-05-01', '2027-05-05'), // 劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
    '2027-06-09', // 端午节：6月9日（周三）放假，共1天。
    '2027-09-15', // 中秋节：9月15日（周三）放假，共1天。
    ...range('2027-10-01', '2027-10-07'), // 国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
  ],
  workdays: ['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'],
};
