/**
 * A database with work for every timer job, and a way to compare what the jobs leave behind.
 * The database is built once and copied for each run, so "once" and "twice at once" start from
 * the same bytes; a new job needs work here too (jobs.test.ts checks that each job changes something).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Unit, type Wish } from '../../../src/core';
import { makeDeps, silentLogger, type Deps } from '../../../cloudfunctions/lib/deps';
import { dispatch } from '../../../cloudfunctions/lib/functions';
import { seedDemo } from '../../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../../cloudfunctions/lib/store/sqlite';
import { report, unit } from '../../support/factories';

/** Monday morning: reports filed now are overdue by RUN_AT, and the resolved ones unrated for 7 days. */
export const FILED_AT = Date.parse('2026-11-23T09:00:00+08:00');
/** A week later, 09:00: reports filed now are at 75 % of their day by RUN_AT. */
const LATER_AT = Date.parse('2026-11-30T09:00:00+08:00');
/** A street that has entered next year's holidays (the demo street has not). */
export const ENTERED_STREET = '和平街道';
/** When the jobs run. */
export const RUN_AT = Date.parse('2026-11-30T15:01:00+08:00');

let req = 0;

async function file(deps: Deps, token: string, unitId: string, category: string) {
  const r = await dispatch(deps, 'reports', { action: 'create', data: { clientRequestId: `timer-fixture-${++req}`, unitId, category, description: '楼道里的问题一直没人管' } }, { token });
  if (!r.ok) throw new Error(`cannot file a report: ${r.code}`);
  return (r.data as { report: { id: string; version: number } }).report;
}

async function signIn(deps: Deps, username: string): Promise<string> {
  const r = await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: 'demo1234' } }, {});
  if (!r.ok) throw new Error(`cannot sign in ${username}: ${r.code}`);
  return (r.data as { token: string }).token;
}

/** A residents file committed on the management page, and the page closed before the job ran (continueImports). */
async function importNobodyFollowed(deps: Deps, token: string, unitId: string) {
  const call = async <T>(action: string, data: unknown): Promise<T> => {
    const r = await dispatch(deps, 'management', { action, data }, { token });
    if (!r.ok) throw new Error(`cannot ${action}: ${r.code}`);
    return r.data as T;
  };
  const ticket = await call<{ file: string }>('importUpload', { fileName: '居民.csv' });
  const [owner, name] = ticket.file.split('/');
  await deps.importFiles.receive!(owner, name, Buffer.from('姓名,手机号,所在楼栋\r\n钱多多,13711112222,幸福里小区/1号楼\r\n孙二,13711114444,幸福里小区/2号楼\r\n', 'utf8'));
  const input = { kind: 'residents', unitId, fileName: '居民.csv', file: ticket.file };
  const { digest } = await call<{ digest: string }>('importPreview', input);
  await call('importCommit', { ...input, digest });
}

/**
 * Overdue reports at the building and the compound (escalate), reports at 75 % of their time
 * (warn), resolved reports unrated for a week (close), web sessions expired hours ago (purge), rate-limit
 * windows a week old (purgeRateLimits), it being November, a street without next year's holidays
 * (warnMissingHolidays), and a lecture tomorrow with sign-ups to remind (remindLectures) and a freed
 * seat its waiting list's head has not had yet (catchUpWaitlists), and an import nobody followed
 * after its commit (continueImports).
 */
export async function buildFixture(): Promise<string> {
  const file_ = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-timer-')), 'base.db');
  const clock = fixedClock(FILED_AT);
  const store = openSqliteStore(file_);
  const deps = makeDeps(store, { clock, log: silentLogger });
  await seedDemo(deps, { residents: 10 });
  // The resident jumin's building (every compound has a 1号楼).
  const units = await store.units.listSubtree('/', {});
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.name === '1号楼' && u.parentId === compound.id)!;
  const resident = await signIn(deps, 'jumin');
  const lead = await signIn(deps, 'louzhang');
  await signIn(deps, 'shuji');
  for (let i = 0; i < 8; i++) await file(deps, resident, building.id, 'noise');
  for (let i = 0; i < 3; i++) await file(deps, resident, building.id, 'lift');
  for (let i = 0; i < 3; i++) {
    const r = await file(deps, resident, building.id, 'noise');
    const done = await dispatch(deps, 'reports', { action: 'resolve', data: { id: r.id, version: r.version, note: '已经处理好了' } }, { token: lead });
    if (!done.ok) throw new Error(`cannot resolve: ${done.code}`);
  }
  clock.set(LATER_AT);
  const laterResident = await signIn(deps, 'jumin');
  for (let i = 0; i < 4; i++) await file(deps, laterResident, building.id, 'noise');
  // warnMissingHolidays: the demo street has not entered 2027 (it is told); a second street has.
  const entered = unit(null, 'street', ENTERED_STREET);
  await store.units.insert(entered);
  await store.holidays.save({ streetId: entered.id, year: 2027, offDays: ['2027-01-01'], workdays: [], entered: true, source: 'notice', version: 0, updatedAt: LATER_AT, updatedBy: null }, 0);
  // purgeRateLimits: tries at resolving codes a week ago (forgotten) and in the current window (kept).
  for (const key of ['codes.resolve:ip:10.0.0.1', 'codes.resolve:openid:o-fixture']) await store.rateLimits.take(key, FILED_AT);
  await store.rateLimits.take('codes.resolve:ip:10.0.0.1', RUN_AT - 5 * 60_000);
  await importNobodyFollowed(deps, await signIn(deps, 'shequ'), units.find((u) => u.name === '阳光社区')!.id);
  const lectureId = await lectureWork(store, units.find((u) => u.kind === 'community')!);
  await retentionWork(store, building, compound.parentId!);
  await wishWork(store, building, compound.parentId!);
  await fanoutWork(store);
  await store.close();
  leaveSeatBehind(file_, lectureId, 'louzhang');
  return file_;
}

/** Closed more than 3 years before RUN_AT. */
export const LONG_CLOSED_AT = Date.parse('2023-06-01T10:00:00+08:00');

/**
 * clearExpiredContacts: a report recorded for a resident by phone, closed more than 3 years ago (its
 * contact is removed), and one closed a year ago (kept), in the demo community (default 3 years).
 */
async function retentionWork(store: ReturnType<typeof openSqliteStore>, building: Unit, communityId: string): Promise<void> {
  const contact = { communityId, channel: 'phone' as const, contactName: '王阿姨', contactPhone: '13900001111', status: 'closed' as const, nextCheckAt: null };
  for (const [id, closedAt] of [['rep_fixture_long_closed', LONG_CLOSED_AT], ['rep_fixture_closed', FILED_AT - 365 * 24 * 3600_000]] as const) {
    const r = report(building, { id, at: closedAt - 24 * 3600_000, closedAt, ...contact });
    await store.reports.insert(r.report, r.entries);
  }
}

/**
 * expireWishes and confirmFulfilledWishes: an open wish whose day (11月25日) passed before RUN_AT, and
 * one fulfilled by the demo member (dangyuan) at FILED_AT, more than 7 days before RUN_AT.
 */
async function wishWork(store: ReturnType<typeof openSqliteStore>, building: Unit, communityId: string): Promise<void> {
  const jumin = (await store.people.findByUsername('jumin'))!.id;
  const member = (await store.people.findByUsername('dangyuan'))!.id;
  const base: Wish = {
    id: '', communityId, buildingId: building.id, unitPath: building.path, door: { entrance: '1', floor: 3, room: '301' }, wisherId: jumin, what: '', forWhom: '独居老人',
    byDate: '2026-11-25', postedBy: jumin, postedVia: 'self', leadId: null, phoneShared: false, phone: null, status: 'open', approvedBy: null, approvedAt: FILED_AT,
    rejectReason: null, claimerId: null, claimedAt: null, fulfilNote: null, fulfilPhotos: [], fulfilledAt: null, confirmedAt: null, confirmedBy: null, points: null,
    clientRequestId: '', createdAt: FILED_AT - 3 * 24 * 3600_000, updatedAt: FILED_AT, version: 2,
  };
  await store.wishes.insert({ ...base, id: 'wsh_fixture_expiring', what: '想要一根拐杖', clientRequestId: 'fixture-wish-1' });
  await store.wishes.insert({
    ...base, id: 'wsh_fixture_fulfilled', what: '想请人换灯泡', clientRequestId: 'fixture-wish-2', byDate: '2026-12-20', status: 'fulfilled',
    claimerId: member, claimedAt: FILED_AT - 24 * 3600_000, fulfilNote: '换好了', fulfilledAt: FILED_AT, version: 4,
  });
}

/** sendNoticeFanouts: a topic's opening to tell the demo people, waiting for the timer. */
async function fanoutWork(store: ReturnType<typeof openSqliteStore>): Promise<void> {
  const people = (await store.people.listDemo()).map((p) => p.id);
  await store.noticeFanouts.enqueue({
    id: 'topic.opened:top_fixture', kind: 'topic.opened', title: '有新的议题请您参与', body: '阳光社区有一个新议题“加装电梯”', page: '/deliberation/topic/index?id=top_fixture',
    fields: { topic: '加装电梯', status: '新议题', note: '12月5日前可以发表意见' }, personIds: people, next: 0, claimedUntil: 0, version: 1, createdAt: LATER_AT, doneAt: null,
  });
}

/**
 * remindLectures and catchUpWaitlists: a lecture tomorrow morning (within a day of RUN_AT) with two
 * seats, taken by jumin and louzhang, and dangyuan waiting.
 */
async function lectureWork(store: ReturnType<typeof openSqliteStore>, community: { id: string; path: string }): Promise<string> {
  const speaker = { id: 'spk_fixture', communityId: community.id, name: '王教授', title: '教授', field: '健康', affiliation: null, contact: null, archived: false, createdBy: 'seed', createdAt: FILED_AT, updatedAt: FILED_AT, version: 1 };
  await store.speakers.insert(speaker);
  const startsAt = Date.parse('2026-12-01T09:30:00+08:00');
  const lecture = {
    id: 'lec_fixture', communityId: community.id, communityPath: community.path, title: '冬季养生讲座', speakerId: speaker.id, description: '冬天怎么吃', picture: null,
    startsAt, endsAt: startsAt + 2 * 3600_000, venue: '社区活动室', capacity: 2, openTo: [community.id], signupFrom: FILED_AT, signupUntil: startsAt,
    companionsAllowed: 0, status: 'published' as const, confirmedSeats: 0, waiting: 0, nextSeq: 1, venueSecret: 'fixture-secret', createdBy: 'seed',
    createdAt: FILED_AT, updatedAt: FILED_AT, publishedAt: FILED_AT, cancelledAt: null, cancelledBy: null, cancelReason: null, version: 1,
  };
  await store.lectures.insert(lecture);
  for (const username of ['jumin', 'louzhang', 'dangyuan']) {
    const p = (await store.people.findByUsername(username))!;
    await store.lectures.signUp({ lectureId: lecture.id, personId: p.id, companions: 0, ticket: `ticket${username}`, at: LATER_AT });
  }
  return lecture.id;
}

/**
 * A seat freed with its hand-over left undone, as a CloudBase cancellation leaves it when the
 * waiting list's head changed under it (or a process stopped between its two steps).
 */
function leaveSeatBehind(file: string, lectureId: string, username: string): void {
  const db = new Database(file);
  const personId = (db.prepare('SELECT id FROM people WHERE username = ?').get(username) as { id: string }).id;
  db.prepare("UPDATE lecture_signups SET status = 'cancelled', cancelled_at = ? WHERE id = ?").run(LATER_AT, `${lectureId}:${personId}`);
  db.prepare('UPDATE lectures SET confirmed_seats = confirmed_seats - 1 WHERE id = ?').run(lectureId);
  db.close();
}

/** A copy of the database file to run on. */
export function copyOf(file: string): string {
  const to = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-timer-run-')), 'run.db');
  copyFileSync(file, to);
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) copyFileSync(file + ext, to + ext);
  return to;
}

export function openAt(file: string, at = RUN_AT) {
  const store = openSqliteStore(file);
  return { store, deps: makeDeps(store, { clock: fixedClock(at), log: silentLogger }) };
}

const GENERATED_ID = /^[a-z]+_[0-9a-z]{12,}$/;

/** Every table's rows as stored. */
function tables(file: string): Record<string, Record<string, unknown>[]> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return Object.fromEntries(names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
}

/** Every string stored in the database before a run: the ids that already exist. */
export function knownStrings(file: string): Set<string> {
  const seen = new Set<string>();
  for (const rows of Object.values(tables(file))) for (const row of rows) for (const v of Object.values(row)) if (typeof v === 'string') seen.add(v);
  return seen;
}

/**
 * Every table's rows, sorted, with what legitimately differs between runs made the same: the ids
 * the runs created (random) and the runs' own names (claim owners).
 */
export function dump(file: string, known: ReadonlySet<string>, owners: readonly string[] = []): Record<string, string[]> {
  const normal = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normal);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)]));
    if (typeof v !== 'string') return v;
    // Documents stored as JSON text (timeline entries, message payloads) hold ids too.
    if (/^[[{]/.test(v)) {
      try {
        return normal(JSON.parse(v));
      } catch {
        return v;
      }
    }
    if (GENERATED_ID.test(v) && !known.has(v)) return '<new id>';
    return owners.some((o) => v.startsWith(o)) ? '<owner>' : v;
  };
  return Object.fromEntries(Object.entries(tables(file)).map(([name, rows]) => [name, rows.map((row) => JSON.stringify(normal(row))).sort()]));
}
