/** The lecture rules, pure: seats and the waiting list, who manages and who signs up, what is scanned, figures, template fields. */
import {
  ROLES,
  ROLE_UNIT_KINDS,
  VENUE_ROTATE_MS,
  admitSignup,
  joinedSignup,
  lectureFigures,
  leaveSeats,
  managesLectures,
  maySignUp,
  maySignupMove,
  promotableHeads,
  promoteSeats,
  readLectureScan,
  signUpRefusal,
  subscribeThing,
  subscribeTime,
  sumLectureFigures,
  ticketPayload,
  venuePayload,
  venuePeriod,
  venuePeriodFresh,
  type Role,
  type ScopedBinding,
  type Signup,
  type UnitKind,
} from '../../src/core';

const seats = (capacity: number, confirmedSeats: number, waiting: number, nextSeq = 1) => ({ capacity, confirmedSeats, waiting, nextSeq });

describe('seats and the waiting list', () => {
  it('seats a newcomer only when all their seats are free and nobody waits; otherwise the back of the list', () => {
    expect(admitSignup(seats(3, 1, 0, 5), 2)).toEqual({ status: 'confirmed', seq: 5, place: null, after: seats(3, 3, 0, 6) });
    expect(admitSignup(seats(3, 2, 0, 5), 2)).toEqual({ status: 'waiting', seq: 5, place: 1, after: seats(3, 2, 1, 6) });
    // Seats are free, but the head of the list waits for them.
    expect(admitSignup(seats(3, 1, 2, 9), 1)).toEqual({ status: 'waiting', seq: 9, place: 3, after: seats(3, 1, 3, 10) });
  });

  it('moves up heads in order while each fits, and stops at the first that does not', () => {
    const heads = [{ seats: 1 }, { seats: 3 }, { seats: 1 }];
    expect(promotableHeads(seats(5, 3, 3), heads)).toBe(1);
    expect(promotableHeads(seats(5, 1, 3), heads)).toBe(2);
    expect(promotableHeads(seats(5, 0, 3), heads)).toBe(3);
    expect(promotableHeads(seats(5, 5, 3), heads)).toBe(0);
    expect(promoteSeats(seats(5, 1, 3, 7), 3)).toEqual(seats(5, 4, 2, 7));
  });

  it('frees a confirmed sign-up’s seats, shortens the list for a waiting one', () => {
    expect(leaveSeats(seats(5, 4, 2), { status: 'confirmed', seats: 3 })).toEqual(seats(5, 1, 2));
    expect(leaveSeats(seats(5, 4, 2), { status: 'waiting', seats: 3 })).toEqual(seats(5, 4, 1));
  });

  it('follows one table of moves', () => {
    expect(maySignupMove('join', null)).toBe(true);
    expect(maySignupMove('join', 'cancelled')).toBe(true);
    expect(maySignupMove('join', 'waiting')).toBe(false);
    expect(maySignupMove('cancel', 'cancelled')).toBe(false);
    expect(maySignupMove('promote', 'waiting')).toBe(true);
    expect(maySignupMove('promote', 'confirmed')).toBe(false);
    const a = admitSignup(seats(1, 0, 0, 4), 2);
    expect(joinedSignup({ lectureId: 'lec_1', personId: 'per_1', companions: 1, ticket: 'tk', at: 10 }, a)).toMatchObject({ id: 'lec_1:per_1', seats: 2, status: 'waiting', seq: 4, confirmedAt: null });
  });

  it('takes sign-ups only while a published lecture’s window is open', () => {
    const l = { status: 'published' as const, signupFrom: 100, signupUntil: 200 };
    expect(signUpRefusal(l, 99)).toBe('not_yet');
    expect(signUpRefusal(l, 100)).toBeNull();
    expect(signUpRefusal(l, 200)).toBe('closed');
    expect(signUpRefusal({ ...l, status: 'draft' }, 150)).toBe('not_found');
    expect(signUpRefusal({ ...l, status: 'cancelled' }, 150)).toBe('cancelled');
  });
});

describe('who manages lectures and who signs up', () => {
  const unit = (kind: UnitKind, path: string) => ({ id: path.split('/').filter(Boolean).pop()!, path, kind, archived: false });
  const onKind: Record<UnitKind, ReturnType<typeof unit>> = {
    street: unit('street', '/s/'),
    community: unit('community', '/s/c/'),
    compound: unit('compound', '/s/c/p/'),
    grid: unit('grid', '/s/c/p/g/'),
    building: unit('building', '/s/c/p/g/b/'),
  };
  const bound = (role: Role): ScopedBinding[] => ROLE_UNIT_KINDS[role].map((k) => ({ role, unit: onKind[k] }));

  it('lets only community staff and secretaries manage a community’s lectures (an allow-list)', () => {
    const managers = ROLES.filter((r) => managesLectures(bound(r), onKind.community));
    expect(managers).toEqual(['community_staff', 'community_secretary']);
    expect(managesLectures([{ role: 'community_staff', unit: unit('community', '/s/other/') }], onKind.community)).toBe(false);
    expect(managesLectures([{ role: 'community_staff', unit: { ...onKind.community, archived: true } }], onKind.community)).toBe(false);
  });

  it('lets residents and members of the audience’s subtrees sign up, and nobody else', () => {
    const signers = ROLES.filter((r) => maySignUp(bound(r), { openTo: ['c'] }));
    expect(signers).toEqual(['resident', 'member']);
    expect(maySignUp(bound('resident'), { openTo: ['p'] })).toBe(true);
    expect(maySignUp(bound('resident'), { openTo: ['other'] })).toBe(false);
  });
});

describe('what is scanned', () => {
  it('reads a sign-up code and a venue code, and nothing else', () => {
    expect(readLectureScan(ticketPayload({ lectureId: 'lec_a1', personId: 'per_b2', ticket: 'x7k' }))).toEqual({ kind: 'ticket', lectureId: 'lec_a1', personId: 'per_b2', ticket: 'x7k' });
    expect(readLectureScan(` ${venuePayload('lec_a1', 42, 'tok')} `)).toEqual({ kind: 'venue', lectureId: 'lec_a1', period: 42, token: 'tok' });
    for (const junk of ['', 'jinlin:ticket:a:b', 'jinlin:venue:lec:x:tok', 'jinlin:ticket:a:b:c:d', 'https://example.com', 'jinlin:venue:lec:1:t/k']) expect(readLectureScan(junk)).toEqual({ kind: 'unknown' });
  });

  it('keeps a venue code good for its own period and the next one only', () => {
    const p = venuePeriod(1_000 * VENUE_ROTATE_MS + 5);
    expect(venuePeriodFresh(p, p * VENUE_ROTATE_MS)).toBe(true);
    expect(venuePeriodFresh(p, (p + 1) * VENUE_ROTATE_MS + 1)).toBe(true);
    expect(venuePeriodFresh(p, (p + 2) * VENUE_ROTATE_MS)).toBe(false);
  });
});

describe('figures', () => {
  const s = (status: Signup['status'], seats: number, attended: boolean) => ({ status, seats, attendedAt: attended ? 1 : null }) as Signup;
  const l = { status: 'published' as const, startsAt: 100, endsAt: 200 };

  it('counts people, not parties; rates once started, no-shows once ended', () => {
    const list = [s('confirmed', 2, true), s('confirmed', 1, false), s('waiting', 3, false), s('cancelled', 1, true)];
    expect(lectureFigures(l, list, 50)).toEqual({ signedUp: 3, waiting: 1, attended: 2, attendanceRate: null, noShows: null });
    expect(lectureFigures(l, list, 150)).toEqual({ signedUp: 3, waiting: 1, attended: 2, attendanceRate: 2 / 3, noShows: null });
    expect(lectureFigures(l, list, 250)).toEqual({ signedUp: 3, waiting: 1, attended: 2, attendanceRate: 2 / 3, noShows: 1 });
    expect(lectureFigures({ ...l, status: 'cancelled' }, list, 250)).toEqual({ signedUp: 0, waiting: 0, attended: 0, attendanceRate: null, noShows: null });
  });

  it('adds a month up, rating over the lectures that have started', () => {
    const ended = { signedUp: 10, waiting: 0, attended: 8, attendanceRate: 0.8, noShows: 2 };
    const ahead = { signedUp: 5, waiting: 3, attended: 0, attendanceRate: null, noShows: null };
    expect(sumLectureFigures([ended, ahead])).toEqual({ signedUp: 15, waiting: 3, attended: 8, attendanceRate: 0.8, noShows: 2 });
    expect(sumLectureFigures([])).toEqual({ signedUp: 0, waiting: 0, attended: 0, attendanceRate: null, noShows: null });
  });
});

describe('subscribe-message fields', () => {
  it('cuts a thing to 20 characters and writes the time in 24-hour China time', () => {
    expect(subscribeThing('冬季养生讲座')).toBe('冬季养生讲座');
    const cut = subscribeThing('二〇二六年冬季社区老年人慢性病管理与合理用药系列讲座');
    expect([...cut]).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(subscribeTime(Date.parse('2026-12-01T15:05:00+08:00'))).toBe('2026年12月1日 15:05');
    expect(subscribeTime(Date.parse('2026-12-01T23:30:00Z'))).toBe('2026年12月2日 07:30');
  });
});
