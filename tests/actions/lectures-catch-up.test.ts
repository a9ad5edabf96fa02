/**
 * A freed seat whose hand-over a failure left undone reaches the head of the waiting list through
 * the timer's catch-up job, on both stores. On CloudBase a cancellation reads the waiting list's head
 * before its transaction; when what it read has changed it leaves the hand-over to a second step,
 * and here the process breaks between the two. On SQLite, where one transaction does both, the same
 * state is made by hand. Each time the job, run twice at once, moves the head up once and tells them once.
 */
import tcb from '@cloudbase/node-sdk';
import { fixedClock, type LectureDetail, type LectureStaffView, type Person, type Unit } from '../../src/core';
import { makeDeps, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { catchUpWaitlists } from '../../cloudfunctions/lib/jobs/lecture-waitlists';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import type { Store } from '../../cloudfunctions/lib/store/port';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { T0, data, expectFailure } from '../support/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Result } from '../../src/core';

const DAY = 24 * 3600_000;

/** A store with the demo tree, community staff and three residents, all signing in from WeChat. */
async function world(store: Store) {
  const deps = makeDeps(store, { clock: fixedClock(T0), log: silentLogger });
  await seedDemo(deps, { residents: 3 });
  const units = await store.units.listSubtree('/', {});
  const community = units.find((u) => u.kind === 'community')!;
  const building = units.find((u) => u.kind === 'building')!;
  let n = 0;
  const someone = async (name: string, unit: Unit, role: 'resident' | 'community_staff'): Promise<Credentials & { personId: string }> => {
    const person: Person = { id: `per_cu${++n}`, name, phone: null, username: null, openid: `o-cu-${n}`, demo: false, createdInUnitId: unit.id, version: 1, createdAt: 0, updatedAt: 0 };
    await store.people.insert(person, null);
    await store.bindings.insert({ id: `bnd_cu${n}`, personId: person.id, unitId: unit.id, role, createdAt: 0, createdBy: null });
    return { openid: person.openid!, personId: person.id };
  };
  const staff = await someone('社区干事', community, 'community_staff');
  const [a, b] = [await someone('甲', building, 'resident'), await someone('乙', building, 'resident')];
  const call = <T>(action: string, input: unknown, cred: Credentials) => dispatch(deps, 'lectures', { action, data: input }, cred) as Promise<Result<T>>;
  const speaker = data(await call<{ id: string }>('createSpeaker', { communityId: community.id, name: '王教授' }, staff));
  const draft = data(
    await call<LectureStaffView>(
      'create',
      {
        communityId: community.id,
        title: '防诈骗讲座',
        speakerId: speaker.id,
        description: '常见骗局',
        startsAt: T0 + 7 * DAY,
        endsAt: T0 + 7 * DAY + 3_600_000,
        venue: '社区会议室',
        capacity: 1,
        openTo: [community.id],
        signupFrom: T0 - 1,
        signupUntil: T0 + 6 * DAY,
        companionsAllowed: 0,
      },
      staff,
    ),
  );
  const lecture = data(await call<LectureStaffView>('publish', { id: draft.id, version: 1 }, staff));
  data(await call<LectureDetail>('signUp', { id: lecture.id }, a));
  data(await call<LectureDetail>('signUp', { id: lecture.id }, b));
  return { deps, lecture, a, b, call };
}

/** The job twice at once moves the waiting head up once, and tells them once. */
async function catchUpOnce(deps: Deps, lectureId: string, personId: string) {
  const runs = await Promise.all([catchUpWaitlists(deps), catchUpWaitlists(deps)]);
  expect(runs.reduce((n, r) => n + r.promoted, 0)).toBe(1);
  expect(await deps.store.lectures.get(lectureId)).toMatchObject({ confirmedSeats: 1, waiting: 0 });
  expect(await deps.store.lectures.getSignup(`${lectureId}:${personId}`)).toMatchObject({ status: 'confirmed' });
  expect((await deps.store.messages.listForPerson(personId, 10)).map((m) => m.kind)).toEqual(['lecture.promoted']);
  expect(await catchUpWaitlists(deps)).toEqual({ promoted: 0, more: false });
}

describe('catching up a hand-over a failure left undone', () => {
  it('on CloudBase: the head read before the cancellation changed, and the process broke before the second step', async () => {
    const answerer = new TcbAnswerer();
    const uninstall = installAnswerer(answerer);
    try {
      const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
      await ensureCollections(app);
      for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
      const { deps, lecture, a, b, call } = await world(openCloudbaseStore(app));

      // The waiting list's head, as the cancellation queries it before its transaction: first it
      // comes back empty (as if read before 乙 joined), then the process is gone.
      const real = answerer.send.bind(answerer);
      let headReads = 0;
      answerer.send = async (action, params = {}) => {
        const isHeadRead = action === 'database.getDocument' && !params.transactionId && String(params.collectionName).endsWith('lecture_signups') && String(params.query).includes('waiting');
        if (isHeadRead && ++headReads === 1) return { requestId: 'stale', data: { list: [], limit: 20, offset: 0 } };
        if (isHeadRead) throw new Error('the function instance was stopped');
        return real(action, params);
      };
      expectFailure(await call('cancelSignup', { id: lecture.id }, a), 'INTERNAL');
      answerer.send = real;

      // The cancellation landed; the hand-over did not.
      expect(await deps.store.lectures.get(lecture.id)).toMatchObject({ confirmedSeats: 0, waiting: 1 });
      expect(await deps.store.lectures.getSignup(`${lecture.id}:${a.personId}`)).toMatchObject({ status: 'cancelled' });
      expect(await deps.store.messages.listForPerson(b.personId, 10)).toEqual([]);
      await catchUpOnce(deps, lecture.id, b.personId);
      expect(answerer.openTransactions()).toBe(0);
    } finally {
      uninstall();
    }
  }, 60_000);

  it('on CloudBase: passes over a head that left the list since it was read, and hands the seat to the next', async () => {
    const answerer = new TcbAnswerer();
    const uninstall = installAnswerer(answerer);
    try {
      const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
      await ensureCollections(app);
      for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
      const store = openCloudbaseStore(app);
      const { deps, lecture, a, b, call } = await world(store);
      const c = { openid: 'o-cu-late', personId: 'per_cu_late' };
      await store.people.insert({ id: c.personId, name: '丙', phone: null, username: null, openid: c.openid, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, null);
      const building = (await store.bindings.listForPerson(b.personId))[0];
      await store.bindings.insert({ ...building, id: 'bnd_cu_late', personId: c.personId });
      data(await call('signUp', { id: lecture.id }, c));

      // Every read of the head answers what 乙's own cancellation read: 乙 first in line.
      const real = answerer.send.bind(answerer);
      let saved: unknown = null;
      answerer.send = async (action, params = {}) => {
        const isHeadRead = action === 'database.getDocument' && !params.transactionId && String(params.collectionName).endsWith('lecture_signups') && String(params.query).includes('waiting');
        if (isHeadRead && saved) return saved;
        const answer = await real(action, params);
        if (isHeadRead) saved = answer;
        return answer;
      };
      data(await call('cancelSignup', { id: lecture.id }, b));
      expect(saved).not.toBeNull();
      data(await call('cancelSignup', { id: lecture.id }, a));
      answerer.send = real;
      expect(await deps.store.lectures.get(lecture.id)).toMatchObject({ confirmedSeats: 1, waiting: 0 });
      expect(await deps.store.lectures.getSignup(`${lecture.id}:${c.personId}`)).toMatchObject({ status: 'confirmed', promotedAt: T0 });
    } finally {
      uninstall();
    }
  }, 60_000);

  it('on SQLite: a seat freed without its hand-over (made by hand: one transaction does both there)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-catchup-')), 'jinlin.db');
    const store = openSqliteStore(file);
    const { deps, lecture, a, b } = await world(store);
    const db = new Database(file);
    db.prepare("UPDATE lecture_signups SET status = 'cancelled', cancelled_at = ? WHERE id = ?").run(T0, `${lecture.id}:${a.personId}`);
    db.prepare('UPDATE lectures SET confirmed_seats = confirmed_seats - 1 WHERE id = ?').run(lecture.id);
    db.close();
    await catchUpOnce(deps, lecture.id, b.personId);
    await store.close();
  });
});
