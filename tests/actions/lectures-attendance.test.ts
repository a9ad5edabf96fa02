/**
 * Attendance: staff scan the attendee's personal sign-up code, the attendee scans the venue screen's
 * rotating code, staff tick names; each marks once, and a repeat is harmless.
 */
import { VENUE_ROTATE_MS, venuePayload, type AttendanceMarked, type LectureDetail, type VenueCodeView } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure } from '../support/harness';
import { HOUR, STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

/** A lecture of one seat: `seated` has it (their code given back), `waiting` waits. */
async function lectureWithPeople() {
  const l = await k.lecture({ capacity: 1 });
  const seated = await k.resident('有座位的');
  const waiting = await k.resident('候补的');
  const code = data(await k.signUp(l.id, seated.cred)).mine!.ticketCode!;
  data(await k.signUp(l.id, waiting.cred));
  return { l, seated, waiting, code };
}

const scan = (lectureId: string, code: string, cred: Credentials = k.staff) => k.h.call<AttendanceMarked>('lectures', 'markAttendance', { lectureId, code }, cred);
const screen = (id: string) => k.h.call<VenueCodeView>('lectures', 'venueCode', { id }, k.staff);
const attend = (code: string, cred: Credentials) => k.h.call<AttendanceMarked>('lectures', 'attend', { code }, cred);

describe('the attendee’s code, scanned by staff', () => {
  it('marks attendance once; scanning again answers the first mark, harmlessly', async () => {
    const { l, seated, code } = await lectureWithPeople();
    k.h.clock.set(STARTS - 30 * 60_000);
    const first = data(await scan(l.id, code));
    expect(first).toMatchObject({ lectureId: l.id, person: { id: seated.person.id, name: '有座位的' }, seats: 1, via: 'ticket', viaLabel: '扫报名码', first: true, attendedAt: STARTS - 30 * 60_000 });
    k.h.clock.advance(60_000);
    await k.writesNothing(async () => expect(data(await scan(l.id, code))).toMatchObject({ first: false, attendedAt: STARTS - 30 * 60_000 }));
    expect((await k.h.store.audit.search({ targetId: l.id, action: 'lectures.attendance' }, 10)).length).toBe(1);
    const page = data(await k.h.call<LectureDetail>('lectures', 'detail', { id: l.id }, seated.cred));
    expect(page.mine).toMatchObject({ attendedAt: STARTS - 30 * 60_000 });
  });

  it('refuses, writing nothing: too early, another lecture’s code, a stale code, a venue code, nonsense, and someone else’s lecture', async () => {
    const { l, seated, code } = await lectureWithPeople();
    await k.writesNothing(async () => expectFailure(await scan(l.id, code), 'ATTENDANCE.NOT_YET'));
    k.h.clock.set(STARTS);
    const other = await k.lecture({ title: '另一场', startsAt: STARTS + 3 * HOUR, endsAt: STARTS + 4 * HOUR, signupUntil: STARTS + HOUR, signupFrom: STARTS - HOUR });
    await k.writesNothing(async () => {
      const r = await scan(other.id, code);
      expectFailure(r, 'ATTENDANCE.WRONG_LECTURE', 'code');
      expect(!r.ok && r.message).toContain(l.title);
    });
    await k.writesNothing(async () => expectFailure(await scan(l.id, code.replace(/:[^:]+$/, ':0000000000000000')), 'ATTENDANCE.CODE_INVALID', 'code'));
    await k.writesNothing(async () => expectFailure(await scan(l.id, venuePayload(l.id, 1, 'abc')), 'ATTENDANCE.CODE_INVALID', 'code'));
    await k.writesNothing(async () => expectFailure(await scan(l.id, 'https://example.com/whatever'), 'ATTENDANCE.CODE_INVALID', 'code'));
    await k.writesNothing(async () => expectFailure(await scan(l.id, code, seated.cred), 'AUTH.FORBIDDEN'));
  });

  it('refuses a cancelled sign-up, and a code from before signing up again', async () => {
    const { l, seated, code } = await lectureWithPeople();
    data(await k.cancelSignup(l.id, seated.cred));
    k.h.clock.set(STARTS);
    await k.writesNothing(async () => expectFailure(await scan(l.id, code), 'ATTENDANCE.NOT_SIGNED_UP', 'code'));
    k.h.clock.set(STARTS - 2 * 24 * HOUR);
    // Signing up again (closed window aside: reopen it by editing) gives a new code; the old one is stale.
    const now = (await k.h.store.lectures.get(l.id))!;
    data(await k.h.call('lectures', 'edit', { ...k.input({ capacity: 2, signupUntil: STARTS }), id: l.id, version: now.version }, k.staff));
    const fresh = data(await k.signUp(l.id, seated.cred)).mine!.ticketCode!;
    k.h.clock.set(STARTS);
    await k.writesNothing(async () => expectFailure(await scan(l.id, code), 'ATTENDANCE.CODE_INVALID', 'code'));
    expect(data(await scan(l.id, fresh))).toMatchObject({ first: true });
  });
});

describe('ticking names', () => {
  it('marks a confirmed sign-up from the list once, and refuses the waiting and the unknown', async () => {
    const { l, seated, waiting } = await lectureWithPeople();
    k.h.clock.set(STARTS + 3 * HOUR);
    const tick = (personId: string) => k.h.call<AttendanceMarked>('lectures', 'tick', { lectureId: l.id, personId }, k.secretary);
    expect(data(await tick(seated.person.id))).toMatchObject({ via: 'list', viaLabel: '工作人员勾选', first: true });
    expect(data(await tick(seated.person.id))).toMatchObject({ via: 'list', first: false });
    await k.writesNothing(async () => expectFailure(await tick(waiting.person.id), 'ATTENDANCE.WAITING'));
    await k.writesNothing(async () => expectFailure(await tick('per_nobody'), 'ATTENDANCE.NOT_SIGNED_UP'));
  });
});

describe('the venue screen’s code', () => {
  it('is shown from an hour before the start to an hour after, and redrawn every few minutes', async () => {
    const { l } = await lectureWithPeople();
    k.h.clock.set(STARTS - HOUR - 1);
    await k.writesNothing(async () => expectFailure(await screen(l.id), 'ATTENDANCE.NOT_YET'));
    k.h.clock.set(STARTS - HOUR);
    const a = data(await screen(l.id));
    expect(a).toMatchObject({ lectureId: l.id, rotateEveryMs: VENUE_ROTATE_MS, opensAt: STARTS - HOUR, closesAt: STARTS + HOUR });
    expect(a.rotatesAt).toBeGreaterThan(STARTS - HOUR);
    expect(a.rotatesAt - (STARTS - HOUR)).toBeLessThanOrEqual(VENUE_ROTATE_MS);
    k.h.clock.set(a.rotatesAt);
    const b = data(await screen(l.id));
    expect(b.code).not.toEqual(a.code);
    k.h.clock.set(STARTS + HOUR);
    expectFailure(await screen(l.id), 'ATTENDANCE.CLOSED');
    expectFailure(await k.h.call('lectures', 'venueCode', { id: l.id }, (await k.resident('居民')).cred), 'AUTH.FORBIDDEN');
  });

  it('marks the attendee who scans it with a seat; the code just before still works, an older one (a photo in a group) has expired', async () => {
    const { l, seated, waiting } = await lectureWithPeople();
    k.h.clock.set(STARTS - 10 * 60_000);
    const shown = data(await screen(l.id));
    k.h.clock.set(shown.rotatesAt + 1);
    expect(data(await attend(shown.code, seated.cred))).toMatchObject({ via: 'venue', first: true, person: { id: seated.person.id } });
    expect(data(await attend(shown.code, seated.cred))).toMatchObject({ first: false });
    await k.writesNothing(async () => expectFailure(await attend(shown.code, waiting.cred), 'ATTENDANCE.WAITING'));
    const stranger = await k.resident('没报名的');
    await k.writesNothing(async () => expectFailure(await attend(shown.code, stranger.cred), 'ATTENDANCE.NOT_SIGNED_UP'));
    k.h.clock.set(shown.rotatesAt + VENUE_ROTATE_MS + 1);
    await k.writesNothing(async () => expectFailure(await attend(shown.code, stranger.cred), 'ATTENDANCE.CODE_EXPIRED', 'code'));
  });

  it('refuses a forged or foreign code, the attendee’s own sign-up code, and scans outside the window, writing nothing', async () => {
    const { l, seated, code } = await lectureWithPeople();
    k.h.clock.set(STARTS);
    const shown = data(await screen(l.id));
    const forged = shown.code.replace(/:[^:]+$/, ':0000000000');
    await k.writesNothing(async () => expectFailure(await attend(forged, seated.cred), 'ATTENDANCE.CODE_INVALID', 'code'));
    await k.writesNothing(async () => expectFailure(await attend(shown.code.replace(l.id, 'lec_other'), seated.cred), 'ATTENDANCE.CODE_INVALID', 'code'));
    await k.writesNothing(async () => expectFailure(await attend(code, seated.cred), 'ATTENDANCE.CODE_INVALID', 'code'));
    k.h.clock.set(STARTS + HOUR);
    await k.writesNothing(async () => expectFailure(await attend(shown.code, seated.cred), 'ATTENDANCE.CLOSED'));
  });

  it('refuses attendance at a cancelled lecture', async () => {
    const { l, seated } = await lectureWithPeople();
    k.h.clock.set(STARTS);
    const shown = data(await screen(l.id));
    const now = (await k.h.store.lectures.get(l.id))!;
    data(await k.h.call('lectures', 'cancel', { id: l.id, version: now.version, reason: '停电' }, k.staff));
    await k.writesNothing(async () => expectFailure(await attend(shown.code, seated.cred), 'LECTURE.CANCELLED'));
    await k.writesNothing(async () => expectFailure(await screen(l.id), 'LECTURE.CANCELLED'));
  });
});
