/**
 * What people are told about lectures, in the in-app messages and as WeChat subscribe messages: a seat
 * from the waiting list, the day-before reminder (a timer job), a cancelled lecture. Template fields
 * keep to WeChat's limits: `thing` at most 20 characters, `time` in 24-hour form, `phrase` at most 5.
 */
import { formatChina } from '../../src/core';
import { inAppNotifier, wechatNotifier, type SubscribeRequest } from '../../cloudfunctions/lib/ports/notifier';
import { remindLectures } from '../../cloudfunctions/lib/jobs/lecture-reminders';
import { silentLogger } from '../../cloudfunctions/lib/deps';
import { data } from '../support/harness';
import { DAY, HOUR, STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
let sent: SubscribeRequest[];
beforeEach(async () => {
  k = await lecturesKit();
  sent = [];
  const keywords = { thing1: 'lecture', time2: 'lectureTime', thing3: 'venue', phrase4: 'status', thing5: 'note' };
  k.h.deps.notifier = wechatNotifier({
    inApp: inAppNotifier(k.h.store, k.h.clock, k.h.deps.ids),
    store: k.h.store,
    clock: k.h.clock,
    log: silentLogger,
    templates: Object.fromEntries(['lecture.promoted', 'lecture.reminder', 'lecture.cancelled'].map((kind) => [kind, { templateId: `tpl-${kind}`, data: keywords }])),
    send: async (req) => void sent.push(req),
  });
});
afterEach(() => k.h.close());

/** 14:00 on the lecture's day. */
const AT = STARTS + 5 * HOUR;
const LONG_TITLE = '二〇二六年冬季社区老年人慢性病管理与合理用药系列讲座第三讲';
const LONG_VENUE = '阳光社区党群服务中心二楼东侧多功能会议室（电梯上楼右转）';

/** Every field of every request within WeChat's limits, and the lecture's time in 24-hour form. */
function withinLimits(req: SubscribeRequest) {
  for (const [keyword, { value }] of Object.entries(req.data)) {
    if (keyword.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
    if (keyword.startsWith('phrase')) expect([...value].length).toBeLessThanOrEqual(5);
  }
  expect(req.data.time2.value).toBe(formatChina(AT, 'YYYY年M月D日 HH:mm'));
  expect(req.data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 (1[3-9]|2\d):\d{2}$/);
}

describe('lecture notices', () => {
  // An afternoon lecture: its time reads 13:00 or later, never "1:00 PM".
  const afternoon = { title: LONG_TITLE, venue: LONG_VENUE, startsAt: AT, endsAt: AT + 2 * HOUR, capacity: 1 };

  it('tells the person moved up from the waiting list, within the template’s limits', async () => {
    const l = await k.lecture(afternoon);
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    data(await k.signUp(l.id, a.cred));
    data(await k.signUp(l.id, b.cred));
    data(await k.cancelSignup(l.id, a.cred));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: b.person.openid, template_id: 'tpl-lecture.promoted', page: `lectures/detail/index?id=${l.id}` });
    expect(sent[0].data.phrase4.value).toBe('候补成功');
    withinLimits(sent[0]);
  });

  it('reminds the confirmed the day before, once, from the timer', async () => {
    const l = await k.lecture(afternoon);
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    data(await k.signUp(l.id, a.cred));
    data(await k.signUp(l.id, b.cred));
    k.h.clock.set(AT - DAY - 1);
    expect(await remindLectures(k.h.deps)).toEqual({ reminded: 0, more: false });
    k.h.clock.set(AT - 20 * HOUR);
    const runs = await Promise.all([remindLectures(k.h.deps), remindLectures(k.h.deps)]);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(1);
    expect(sent.map((r) => r.touser)).toEqual([a.person.openid]);
    withinLimits(sent[0]);
    const messages = await k.h.store.messages.listForPerson(a.person.id, 10);
    expect(messages).toEqual([expect.objectContaining({ kind: 'lecture.reminder', title: '讲座就要开始了' })]);
    expect(messages[0].body).toContain('明天 14:00');
    expect(await k.h.store.messages.listForPerson(b.person.id, 10)).toEqual([]);
    expect(await remindLectures(k.h.deps)).toEqual({ reminded: 0, more: false });
  });

  it('stops for time and leaves the rest to the next run', async () => {
    const l = await k.lecture({ ...afternoon, capacity: 3 });
    for (const n of ['甲', '乙', '丙']) data(await k.signUp(l.id, (await k.resident(n)).cred));
    k.h.clock.set(STARTS);
    let looks = 0;
    const ctx = { now: () => looks++, deadline: 2 };
    expect(await remindLectures(k.h.deps, ctx)).toEqual({ reminded: 2, more: true });
    expect(await remindLectures(k.h.deps)).toEqual({ reminded: 1, more: false });
  });

  it('tells everyone of a cancelled lecture, within the template’s limits', async () => {
    const l = await k.lecture(afternoon);
    for (const n of ['甲', '乙']) data(await k.signUp(l.id, (await k.resident(n)).cred));
    data(await k.h.call('lectures', 'cancel', { id: l.id, version: l.version, reason: '主讲老师临时住院，讲座改期另行通知，敬请谅解' }, k.staff));
    expect(sent.map((r) => r.template_id)).toEqual(['tpl-lecture.cancelled', 'tpl-lecture.cancelled']);
    for (const r of sent) withinLimits(r);
  });
});
