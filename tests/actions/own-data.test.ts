/**
 * 我的信息: a person sees everything Jinlin keeps about them, by kind with who can see it, and takes
 * a copy: a file in a browser, a link valid for a day in their messages from the mini-program.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OWN_DATA_KINDS, fixedClock, type OwnData, type OwnDataCopy, type ReportDetail, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { localCopyFiles, readLocalCopy } from '../../cloudfunctions/lib/ports/copy-files';
import { T0, data, expectFailure } from '../support/harness';
import { DAY, lecturesKit } from './support/lectures';

type Kit = Awaited<ReturnType<typeof lecturesKit>>;

describe('people.ownData', () => {
  let k: Kit;
  let copies: string;
  beforeAll(async () => {
    k = await lecturesKit();
    copies = mkdtempSync(path.join(tmpdir(), 'jinlin-copies-'));
    k.h.deps.copyFiles = localCopyFiles(copies);
  });
  afterAll(() => k.h.close());

  const own = async (cred: Parameters<Kit['h']['call']>[3]) => data(await k.h.call<OwnData>('people', 'ownData', {}, cred));

  it('shows a resident their account whole, their household, their reports with their own comments, and their sign-ups', async () => {
    const me = await k.resident('钱自查');
    const home = await k.h.unitNamed('1号楼', '幸福里小区');
    const filed = data(await k.h.call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'own-data-1', unitId: home.id, category: 'noise', description: '楼上半夜装修', photos: [] }, me.cred)).report;
    const version = async () => (await k.h.store.reports.get(filed.id))!.version;
    data(await k.h.call('reports', 'requestInfo', { id: filed.id, version: await version(), question: '几点开始装修？' }, await k.h.as('louzhang')));
    data(await k.h.call('reports', 'provideInfo', { id: filed.id, version: await version(), answer: '今晚又在装修' }, me.cred));
    const r = (await k.h.store.reports.get(filed.id))!;
    const lecture = await k.lecture();
    data(await k.signUp(lecture.id, me.cred));

    const mine = await own(me.cred);
    expect(Object.keys(mine).filter((x) => x !== 'takenAt').sort()).toEqual([...OWN_DATA_KINDS].sort());
    for (const kind of OWN_DATA_KINDS) expect(mine[kind]).toMatchObject({ kind, label: expect.stringMatching(/[\u4e00-\u9fff]/), seenBy: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(mine.account.items).toEqual([expect.objectContaining({ name: '钱自查', phone: me.person.phone, wechatBound: true })]);
    expect(JSON.stringify(mine)).not.toContain(me.person.openid!);
    expect(mine.households.items).toEqual([expect.objectContaining({ role: 'resident', unitId: home.id, trail: expect.stringContaining('1号楼') })]);
    expect(mine.reports.items).toEqual([expect.objectContaining({ id: r.id, description: '楼上半夜装修', ownEntries: [expect.objectContaining({ type: 'provideInfo', note: '今晚又在装修' })] })]);
    expect(mine.signups.items).toEqual([expect.objectContaining({ lectureId: lecture.id, lectureTitle: lecture.title })]);
    expect(mine.messages.items[0].total).toBeGreaterThanOrEqual(mine.messages.items[0].unread);
  });

  it('shows each person their own only: two residents never see each other’s', async () => {
    const a = await k.resident('孙甲');
    const b = await k.resident('孙乙');
    const seen = JSON.stringify(await own(a.cred));
    expect(seen).toContain('孙甲');
    expect(seen).not.toContain('孙乙');
    expect(seen).not.toContain(b.person.phone!);
  });

  it('refuses someone not signed in', async () => {
    expectFailure(await k.h.call('people', 'ownData', {}, {}), 'AUTH.REQUIRED');
  });
});

describe('people.ownData of a party member (the full demo)', () => {
  it('shows a member their check-in and their pairings, without the households’ kinds or contacts', async () => {
    const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-own-member-')), 'jinlin.db'));
    const deps = makeDeps(store, { clock: fixedClock(T0), log: silentLogger });
    try {
      await seedDemo(deps, { residents: 20, reports: 5, seed: 1 });
      const call = <T>(fn: string, action: string, body: unknown, cred: Credentials = {}) => dispatch(deps, fn, { action, data: body }, cred) as Promise<Result<T>>;
      const { token } = data(await call<{ token: string }>('auth', 'signIn', { username: 'dangyuan', password: DEMO_PASSWORD }));
      const mine = data(await call<OwnData>('people', 'ownData', {}, { token }));
      expect(mine.checkins.items).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'approved', name: '周敏', phone: '13800000008', skills: ['医疗护理'] })]));
      expect(mine.pairings.items.length).toBeGreaterThan(0);
      const text = JSON.stringify(mine.pairings);
      expect(text).not.toContain('困境儿童');
      expect(text).not.toContain('于海波');
      expect(text).not.toContain('13900003007');
    } finally {
      await store.close();
    }
  });
});

describe('people.copyOwnData', () => {
  let k: Kit;
  let copies: string;
  beforeAll(async () => {
    k = await lecturesKit();
    copies = mkdtempSync(path.join(tmpdir(), 'jinlin-copies-'));
    k.h.deps.copyFiles = localCopyFiles(copies);
  });
  afterAll(() => k.h.close());

  it('gives a browser the same data as a JSON file', async () => {
    const cred = await k.h.as('jumin');
    const copy = data(await k.h.call<OwnDataCopy>('people', 'copyOwnData', {}, cred));
    if (copy.via !== 'file') throw new Error('expected a file');
    expect(copy).toMatchObject({ mimeType: 'application/json', fileName: '我的信息-2026-11-23.json' });
    const parsed = JSON.parse(Buffer.from(copy.base64, 'base64').toString('utf8')) as OwnData;
    expect(parsed).toEqual(data(await k.h.call<OwnData>('people', 'ownData', {}, cred)));
  });

  it('sends the mini-program a link in the messages that opens the copy for a day, then no more', async () => {
    const me = await k.resident('李小程');
    const copy = data(await k.h.call<OwnDataCopy>('people', 'copyOwnData', {}, me.cred));
    if (copy.via !== 'message') throw new Error('expected a message');
    expect(copy.expiresAt).toBe(k.h.clock.now() + DAY);
    const [message] = await k.h.store.messages.listForPerson(me.person.id, 1);
    expect(message).toMatchObject({ kind: 'person.ownDataCopy', title: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(message.body).toContain(copy.url);
    const name = copy.url.split('/').pop()!;
    expect(name).toMatch(/^cpy_[0-9a-f]{32}\.json$/);
    const kept = readLocalCopy(copies, name, k.h.clock.now());
    expect((JSON.parse(kept!.toString('utf8')) as OwnData).account.items[0].name).toBe('李小程');
    expect(readLocalCopy(copies, name, copy.expiresAt - 1)).not.toBeNull();
    expect(readLocalCopy(copies, name, copy.expiresAt)).toBeNull();
    expect(readLocalCopy(copies, '../jinlin.db', k.h.clock.now())).toBeNull();
    expect(readFileSync(path.join(copies, name), 'utf8')).toContain('李小程');
  });

  it('refuses a fourth copy within the hour, writing no file and no message, and allows one the next hour', async () => {
    const me = await k.resident('周多次');
    for (let i = 0; i < 3; i++) data(await k.h.call('people', 'copyOwnData', { via: 'message' }, me.cred));
    const files = () => readdirSync(copies).length;
    const before = { files: files(), messages: (await k.h.store.messages.listForPerson(me.person.id, 100)).length };
    expectFailure(await k.h.call('people', 'copyOwnData', { via: 'message' }, me.cred), 'PERSON.TOO_MANY_COPIES');
    expectFailure(await k.h.call('people', 'copyOwnData', { via: 'file' }, me.cred), 'PERSON.TOO_MANY_COPIES');
    expect({ files: files(), messages: (await k.h.store.messages.listForPerson(me.person.id, 100)).length }).toEqual(before);
    k.h.clock.advance(3600_000);
    expect(data(await k.h.call<OwnDataCopy>('people', 'copyOwnData', { via: 'file' }, me.cred)).via).toBe('file');
  });

  it('refuses a way of copying it does not know', async () => {
    expectFailure(await k.h.call('people', 'copyOwnData', { via: 'email' }, await k.h.as('jumin')), 'INPUT.INVALID', 'via');
  });
});
