import type { Outputs, ReportDetail, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { data, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
const DAY = 24 * 3600_000;

/** Words that speak to the resident: never in what staff read. */
const TO_THE_RESIDENT = /您|谢谢/;

describe('the next step, for the resident and for staff', () => {
  let h: Harness;
  let building: Unit;
  let resident: Credentials;
  let lead: Credentials;
  let staff: Credentials;
  let req = 0;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    building = await h.unitNamed('1号楼', '幸福里小区');
    resident = await h.as('jumin');
    lead = await h.as('louzhang');
    staff = await h.as('shequ');
  });
  afterEach(() => h.close());

  const file = async () =>
    data(await h.call<Created>('reports', 'create', { clientRequestId: `next-step-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着' }, resident)).report;
  const read = async (id: string, who: Credentials) => data(await h.call<ReportDetail>('reports', 'detail', { id }, who));
  /** Staff signed in now: a web session lasts 12 hours, and these cases move the clock by days. */
  const staffNow = async (): Promise<Credentials> => ({ token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD })).token });

  it('tells staff whose move it is and by when, and the resident what they wait for', async () => {
    const r = await file();
    const mine = await read(r.id, resident);
    expect(mine.nextStep).toMatch(/前会联系您/);
    expect(mine.nextStepForStaff).toBeNull();

    const desk = await read(r.id, staff);
    // Monday 09:00: the building lead responds within 4 working hours and resolves within the day.
    expect(desk.nextStepForStaff).toBe('等楼栋的赵桂兰受理：今天 13:00前受理，今天 17:00前办结。超时会自动上报到小区。');
    expect(desk.nextStep).toBe(mine.nextStep);
    expect((await read(r.id, lead)).nextStepForStaff).toBe(desk.nextStepForStaff);
  });

  it('says a missed response and a passed deadline plainly', async () => {
    const r = await file();
    h.clock.advance(5 * 3600_000); // 14:00: the response deadline has passed
    expect((await read(r.id, staff)).nextStepForStaff).toBe('楼栋的赵桂兰还没有受理，响应期限（今天 13:00）已过：请督促受理；今天 17:00前办结。超时会自动上报到小区。');
    h.clock.advance(DAY); // Tuesday 14:00, before the timer has run
    const late = (await read(r.id, await staffNow())).nextStepForStaff!;
    expect(late).toContain('办结期限（昨天 17:00）已过');
    expect(late).toContain('将自动上报到小区');
  });

  it('asks staff to wait for the rating, then for the follow-up of an unsatisfied one, without thanking anyone', async () => {
    const r = await file();
    const responded = data(await h.call<ReportDetail>('reports', 'respond', { id: r.id, version: r.version }, lead));
    expect(responded.nextStepForStaff).toBe('楼栋的赵桂兰已受理，正在办理；今天 17:00前办结。超时会自动上报到小区。');
    const resolved = data(await h.call<ReportDetail>('reports', 'resolve', { id: r.id, version: responded.version, note: '已和楼上沟通' }, lead));
    expect(resolved.nextStepForStaff).toBe('楼栋已办结，等居民确认和评价，11月30日 09:00前不评价会自动关闭；居民说没解决会重新打开。');
    const rated = data(await h.call<ReportDetail>('reports', 'rate', { id: r.id, version: resolved.version, rating: 'unsatisfied', note: '还是吵' }, resident));
    expect(rated.nextStep).toBe('已评价，谢谢您。');
    const seen = await read(r.id, staff);
    expect(seen.nextStepForStaff).toBe('已关闭，居民评价“不满意”：请社区回访，回访后点“完成回访”。');
    for (const text of [responded, resolved, seen].map((d) => d.nextStepForStaff)) expect(text).not.toMatch(TO_THE_RESIDENT);
  });

  it('writes the year of a date that is not in this year', async () => {
    const r = await file();
    h.clock.advance(400 * DAY);
    const text = (await read(r.id, await staffNow())).nextStepForStaff!;
    expect(text).toContain('2026年11月23日 13:00');
    expect(text).toContain('2026年11月23日 17:00');
  });
});
