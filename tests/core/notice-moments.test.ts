import { MAX_TEMPLATES_PER_ASK, MOMENT_KINDS, NOTICE_MOMENTS, momentTemplateIds, noticeTemplateIds } from '../../src/core/notice-moments';

/** Every kind has its own template `T-<kind>`, unless `only` names the kinds that have one. */
const eachOwn = (only?: string[]) => (kind: string) => (!only || only.includes(kind) ? `T-${kind}` : undefined);

describe('which templates each moment asks for', () => {
  it('asks a resident who files a report for the fix to rate, a question to answer and the first response', () => {
    expect(momentTemplateIds('reportFiled', eachOwn())).toEqual(['T-report.resolved', 'T-report.needsInfo', 'T-report.responded']);
  });

  it('asks a handler who takes a report for new work, a deadline close and the resident’s answer', () => {
    expect(momentTemplateIds('reportTaken', eachOwn())).toEqual(['T-report.assigned', 'T-report.warning', 'T-report.infoProvided']);
  });

  it('asks someone signing up for a lecture for the reminder, a seat from the waiting list and a cancellation', () => {
    expect(momentTemplateIds('lectureSignUp', eachOwn())).toEqual(['T-lecture.reminder', 'T-lecture.promoted', 'T-lecture.cancelled']);
  });

  it('never asks for more than WeChat shows in one panel', () => {
    expect(MAX_TEMPLATES_PER_ASK).toBe(3);
    for (const m of NOTICE_MOMENTS) expect(momentTemplateIds(m, eachOwn()).length).toBeLessThanOrEqual(3);
    expect(MOMENT_KINDS.reportTaken.length).toBeGreaterThan(3);
  });

  it('skips kinds without a template and lets the next kind take the slot', () => {
    expect(momentTemplateIds('reportFiled', eachOwn(['report.responded', 'report.rejected', 'report.transferred', 'report.escalated']))).toEqual([
      'T-report.responded',
      'T-report.rejected',
      'T-report.transferred',
    ]);
  });

  it('asks for a template shared by several kinds once', () => {
    const one = () => 'T-progress';
    expect(momentTemplateIds('reportFiled', one)).toEqual(['T-progress']);
    const shared = (kind: string) => (kind === 'report.resolved' || kind === 'report.needsInfo' ? 'T-progress' : kind === 'report.rejected' ? 'T-rejected' : undefined);
    expect(momentTemplateIds('reportFiled', shared)).toEqual(['T-progress', 'T-rejected']);
  });

  it('asks for nothing when nothing is configured', () => {
    expect(noticeTemplateIds(() => undefined)).toEqual({ reportFiled: [], reportTaken: [], lectureSignUp: [], topicVoted: [] });
  });

  it('keeps a resident’s notices and a handler’s apart: a handler’s panel spends no slot on a resident’s news', () => {
    const resident = new Set(MOMENT_KINDS.reportFiled);
    expect(MOMENT_KINDS.reportTaken.filter((k) => resident.has(k))).toEqual([]);
  });

  it('lists each kind once per moment', () => {
    for (const m of NOTICE_MOMENTS) expect(new Set(MOMENT_KINDS[m]).size).toBe(MOMENT_KINDS[m].length);
  });
});
