/**
 * Points other functions grant: a lecture attendance staff marked (their scan of the attendee's code, or
 * a tick on the list) earns the community's lecture points once per sign-up, however often it is
 * marked; the attendee's own scan of the venue code earns nothing (nobody witnessed it); a resident
 * earns nothing. A member's visit to a paired household earns the visit points once, a retried visit
 * too. A failed grant fails neither.
 */
import type { AttendanceMarked, Outputs, Person, VenueCodeView } from '../../src/core';
import { pointsKey, signupId } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data } from '../support/harness';
import { STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
let n = 0;

/** A member of 幸福里小区 who also lives in its 1号楼 (so the lecture is open to them), signing in from WeChat. */
async function memberResident(name: string, role: 'member' | 'volunteer' = 'member'): Promise<{ person: Person; cred: Credentials }> {
  const r = await k.resident(name);
  await k.h.store.bindings.insert({ id: `bnd_hookmem${++n}`, personId: r.person.id, unitId: k.xingfu.id, role, createdAt: 0, createdBy: null });
  return r;
}
const scan = (lectureId: string, code: string) => k.h.call<AttendanceMarked>('lectures', 'markAttendance', { lectureId, code }, k.staff);
const tick = (lectureId: string, personId: string) => k.h.call<AttendanceMarked>('lectures', 'tick', { lectureId, personId }, k.staff);
const balance = (personId: string) => k.h.store.points.balance(personId);

beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

describe('lecture attendance', () => {
  it('marked by a staff scan grants the lecture’s points once, however often it is marked', async () => {
    const l = await k.lecture();
    const m = await memberResident('党员听讲');
    const code = data(await k.signUp(l.id, m.cred)).mine!.ticketCode!;
    k.h.clock.set(STARTS - 10 * 60_000);
    data(await scan(l.id, code));
    data(await scan(l.id, code));
    data(await tick(l.id, m.person.id));
    expect(await balance(m.person.id)).toBe(2);
    expect(await k.h.store.points.get(pointsKey('lecture', signupId(l.id, m.person.id)))).toMatchObject({ points: 2, reason: `参加讲座《${l.title}》`, source: { kind: 'lecture' } });
    const mine = data(await k.h.call<Outputs['points']['mine']>('points', 'mine', {}, m.cred));
    expect(mine.entries.map((e) => e.kindLabel)).toEqual(['参加讲座']);
  });

  it('ticked on the list grants a volunteer too; a resident ticked earns nothing', async () => {
    const l = await k.lecture();
    const v = await memberResident('志愿者听讲', 'volunteer');
    const r = await k.resident('居民听讲');
    data(await k.signUp(l.id, v.cred));
    data(await k.signUp(l.id, r.cred));
    k.h.clock.set(STARTS + 60 * 60_000);
    data(await tick(l.id, v.person.id));
    data(await tick(l.id, r.person.id));
    expect(await balance(v.person.id)).toBe(2);
    expect(await balance(r.person.id)).toBe(0);
    expect(await k.h.store.points.get(pointsKey('lecture', signupId(l.id, r.person.id)))).toBeNull();
  });

  it('scanned by the attendee themselves at the venue earns nothing', async () => {
    const l = await k.lecture();
    const m = await memberResident('自己扫码');
    data(await k.signUp(l.id, m.cred));
    k.h.clock.set(STARTS);
    const shown = data(await k.h.call<VenueCodeView>('lectures', 'venueCode', { id: l.id }, k.staff));
    expect(data(await k.h.call<AttendanceMarked>('lectures', 'attend', { code: shown.code }, m.cred))).toMatchObject({ via: 'venue', first: true });
    // Ticked by staff afterwards: the attendance stands as the venue scan recorded it, still no points.
    data(await tick(l.id, m.person.id));
    expect(await balance(m.person.id)).toBe(0);
  });

  it('is marked even when the grant fails, and a later mark grants what is missing', async () => {
    const l = await k.lecture();
    const m = await memberResident('补发积分');
    const code = data(await k.signUp(l.id, m.cred)).mine!.ticketCode!;
    k.h.clock.set(STARTS);
    const append = k.h.store.points.append;
    k.h.store.points.append = () => Promise.reject(new Error('database hiccup'));
    try {
      expect(data(await scan(l.id, code))).toMatchObject({ first: true });
    } finally {
      k.h.store.points.append = append;
    }
    expect(await balance(m.person.id)).toBe(0);
    expect(data(await scan(l.id, code))).toMatchObject({ first: false });
    expect(await balance(m.person.id)).toBe(2);
  });

  it('follows the community’s rules: a kind that does not count grants nothing', async () => {
    const staffCred = k.staff;
    const rules = data(await k.h.call<Outputs['points']['rules']>('points', 'rules', {}, staffCred));
    data(await k.h.call('points', 'saveRules', { communityId: k.community.id, version: rules.version, rules: { ...rules.rules, lecture: { counts: false, points: 2, max: 0 } } }, staffCred));
    const l = await k.lecture();
    const m = await memberResident('不计分');
    data(await k.signUp(l.id, m.cred));
    k.h.clock.set(STARTS);
    data(await tick(l.id, m.person.id));
    expect(await balance(m.person.id)).toBe(0);
  });
});
