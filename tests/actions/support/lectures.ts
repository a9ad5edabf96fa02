/**
 * What the lecture tests share: the demo community's staff, residents of its compounds signing in
 * from WeChat, a speaker, a lecture (made and published through the actions), and a snapshot of
 * everything a refusal must not write.
 */
import type { LectureDetail, LectureStaffView, Person, SpeakerView, Unit } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { data, harness, T0, type Harness } from '../../support/harness';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/** The default lecture: a week after T0, taking sign-ups from an hour before T0 for six days. */
export const STARTS = T0 + 7 * DAY;

export interface LectureInput {
  title?: string;
  speakerId?: string;
  description?: string;
  picture?: string | null;
  startsAt?: number;
  endsAt?: number;
  venue?: string;
  capacity?: number;
  openTo?: string[];
  signupFrom?: number;
  signupUntil?: number;
  companionsAllowed?: number;
}

export async function lecturesKit(opts: { h?: Harness } = {}) {
  const h = opts.h ?? (await harness({ residents: 10 }));
  const community: Unit = await h.unitNamed('阳光社区');
  const xingfu: Unit = await h.unitNamed('幸福里小区');
  const yangguang: Unit = await h.unitNamed('阳光花园');
  let made = 0;
  /**
   * Staff of the community signing in from WeChat (the mini-program's scan button is theirs at the
   * door): no web session to expire when a test moves the clock to the lecture's day.
   */
  async function staffMember(name: string, role: 'community_staff' | 'community_secretary'): Promise<Credentials> {
    const n = ++made;
    const person: Person = { id: `per_lecstaff${n}`, name, phone: null, username: null, openid: `o-lec-staff-${n}`, demo: false, createdInUnitId: community.id, version: 1, createdAt: 0, updatedAt: 0 };
    await h.store.people.insert(person, null);
    await h.store.bindings.insert({ id: `bnd_lecstaff${n}`, personId: person.id, unitId: community.id, role, createdAt: 0, createdBy: null });
    return { openid: person.openid! };
  }
  const staff = await staffMember('社区干事', 'community_staff');
  const secretary = await staffMember('社区书记', 'community_secretary');

  /** A resident of `compound`'s 1号楼 (or of `building`), signing in from WeChat. */
  async function resident(name: string, building?: Unit): Promise<{ person: Person; cred: Credentials }> {
    const n = ++made;
    const home = building ?? (await h.unitNamed('1号楼', '幸福里小区'));
    const person: Person = { id: `per_lec${n}`, name, phone: `1370000${String(n).padStart(4, '0')}`, username: null, openid: `o-lec-${n}`, demo: false, createdInUnitId: home.id, version: 1, createdAt: 0, updatedAt: 0 };
    await h.store.people.insert(person, null);
    await h.store.bindings.insert({ id: `bnd_lec${n}`, personId: person.id, unitId: home.id, role: 'resident', createdAt: 0, createdBy: null });
    return { person, cred: { openid: person.openid! } };
  }

  const speaker = async (name = '王教授', cred: Credentials = staff) =>
    data(await h.call<SpeakerView>('lectures', 'createSpeaker', { communityId: community.id, name, title: '主任医师', field: '老年健康', affiliation: '市第一医院', contact: '13912345678' }, cred));
  const main = await speaker();

  const input = (extra: LectureInput = {}) => ({
    communityId: community.id,
    title: '冬季老年人慢病管理',
    speakerId: main.id,
    description: '高血压、糖尿病的日常管理与用药',
    startsAt: STARTS,
    endsAt: STARTS + 2 * HOUR,
    venue: '社区活动中心二楼',
    capacity: 10,
    openTo: [community.id],
    signupFrom: T0 - HOUR,
    signupUntil: STARTS - DAY,
    companionsAllowed: 1,
    ...extra,
  });
  const create = (extra: LectureInput = {}, cred: Credentials = staff) => h.call<LectureStaffView>('lectures', 'create', input(extra), cred);
  /** A published lecture. */
  async function lecture(extra: LectureInput = {}): Promise<LectureStaffView> {
    const draft = data(await create(extra));
    return data(await h.call<LectureStaffView>('lectures', 'publish', { id: draft.id, version: draft.version }, staff));
  }

  const signUp = (id: string, cred: Credentials, companions?: number) => h.call<LectureDetail>('lectures', 'signUp', companions === undefined ? { id } : { id, companions }, cred);
  const cancelSignup = (id: string, cred: Credentials) => h.call<LectureDetail>('lectures', 'cancelSignup', { id }, cred);

  /** Every lecture, sign-up, speaker, audit entry and message there is. */
  async function written() {
    const lectures = await h.store.lectures.listForCommunity(community.id);
    const signups = (await Promise.all(lectures.map((l) => h.store.lectures.listSignups(l.id)))).flat();
    const speakers = await h.store.speakers.listForCommunity(community.id, { includeArchived: true });
    const audit = (await h.store.audit.search({}, 100_000)).length;
    const people = [...new Set(signups.map((s) => s.personId))];
    const messages = (await Promise.all(people.map((p) => h.store.messages.listForPerson(p, 1000)))).flat().length;
    return JSON.stringify({ lectures, signups, speakers, audit, messages });
  }

  /** Runs `run` and checks it wrote nothing at all. */
  async function writesNothing(run: () => Promise<unknown>) {
    const before = await written();
    await run();
    expect(await written()).toEqual(before);
  }

  return { h, community, xingfu, yangguang, staff, secretary, resident, speaker, main, input, create, lecture, signUp, cancelSignup, written, writesNothing };
}

export type LecturesKit = Awaited<ReturnType<typeof lecturesKit>>;
