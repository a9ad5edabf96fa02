/**
 * Leaving (注销), confirmed twice. Afterwards nothing of the person's name, phone or openid can be
 * found through people search, report views, the desk or the ledger export; their reports stay,
 * reading "已注销居民"; a member's check-in follows the 转出 rules; the audit log says who left by id only.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LEFT_PERSON_NAME, fixedClock, type DeskPage, type FileDownload, type LeaveConfirmation, type Left, type PersonView, type ReportDetail, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { T0, data, expectFailure } from '../support/harness';
import { lecturesKit } from './support/lectures';

type Kit = Awaited<ReturnType<typeof lecturesKit>>;

async function ledgerText(file: FileDownload): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? '')))));
  return cells.join('\n');
}

describe('leaving (注销)', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await lecturesKit();
  });
  afterAll(() => k.h.close());

  const ask = (cred: Credentials) => k.h.call<LeaveConfirmation>('people', 'askToLeave', {}, cred);
  const leave = (cred: Credentials, token: string) => k.h.call<Left>('people', 'leave', { token }, cred);

  it('leaves on the second call; afterwards no search, report view, desk row or ledger names them; their reports stay', async () => {
    const me = await k.resident('郑要走');
    const home = await k.h.unitNamed('1号楼', '幸福里小区');
    const compound = await k.h.unitNamed('幸福里小区');
    const own = data(await k.h.call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'leave-own-1', unitId: home.id, category: 'noise', description: '楼上半夜装修' }, me.cred)).report;
    const forMe = data(
      await k.h.call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'leave-for-1', unitId: home.id, category: 'noise', description: '楼道堆放杂物', channel: 'group_chat', residentId: me.person.id, contactName: me.person.name, contactPhone: me.person.phone! }, await k.h.as('louzhang')),
    ).report;
    expect(await k.h.store.reports.get(forMe.id)).toMatchObject({ contactName: me.person.name, contactPhone: me.person.phone });
    const lecture = await k.lecture();
    data(await k.signUp(lecture.id, me.cred));

    // Before: staff find them, and the report recorded for them, by name.
    expect(data(await k.h.call<PersonView[]>('people', 'search', { q: me.person.name }, await k.h.as('louzhang'))).map((p) => p.id)).toEqual([me.person.id]);
    expect(data(await k.h.call<DeskPage>('management', 'list', { filter: { unitId: compound.id, q: me.person.name } }, await k.h.as('shequ'))).rows.map((r) => r.id)).toContain(forMe.id);

    const first = data(await ask(me.cred));
    expect(first.consequences.join('')).toContain('已注销居民');
    expect(first.expiresAt).toBe(k.h.clock.now() + 10 * 60_000);
    const left = data(await leave(me.cred, first.token));
    expect(left).toMatchObject({ left: true, reportsKept: 2, signupsCancelled: 1, bindingsRemoved: 1 });

    expect(await k.h.store.people.get(me.person.id)).toMatchObject({ name: LEFT_PERSON_NAME, phone: null, openid: null, username: null });
    expectFailure(await k.h.call('people', 'ownData', {}, me.cred), 'AUTH.NOT_REGISTERED');
    const secrets = [me.person.name, me.person.phone!, me.person.openid!];
    const hidden = (x: unknown) => secrets.forEach((s) => expect(JSON.stringify(x)).not.toContain(s));

    for (const who of ['louzhang', 'shequ', 'jiedao'])
      for (const q of [me.person.name, me.person.phone!]) expect(data(await k.h.call<PersonView[]>('people', 'search', { q }, await k.h.as(who)))).toEqual([]);
    for (const r of [own, forMe]) {
      const seen = data(await k.h.call<ReportDetail>('reports', 'detail', { id: r.id }, await k.h.as('louzhang')));
      expect(JSON.stringify(seen)).toContain(LEFT_PERSON_NAME);
      hidden(seen);
    }
    const desk = data(await k.h.call<DeskPage>('management', 'list', { filter: { unitId: compound.id } }, await k.h.as('shequ')));
    expect(desk.rows.filter((r) => r.id === own.id || r.id === forMe.id).map((r) => r.residentName)).toEqual([LEFT_PERSON_NAME, LEFT_PERSON_NAME]);
    hidden(desk);
    for (const q of [me.person.name, me.person.phone!]) expect(data(await k.h.call<DeskPage>('management', 'list', { filter: { unitId: compound.id, q } }, await k.h.as('shequ'))).rows).toEqual([]);
    const ledger = await ledgerText(data(await k.h.call<FileDownload>('management', 'ledger', { unitId: compound.id, from: '2026-11-23', to: '2026-11-23' }, await k.h.as('shequ'))));
    expect(ledger).toContain('楼上半夜装修');
    secrets.forEach((s) => expect(ledger).not.toContain(s));

    const [entry] = (await k.h.store.audit.listForTarget(me.person.id, 10)).filter((e) => e.action === 'people.leave');
    expect(entry).toMatchObject({ actorId: me.person.id, detail: expect.objectContaining({ reportsKept: 2 }) });
    hidden(await k.h.store.audit.listForTarget(me.person.id, 10));
    expect((await k.h.store.lectures.listSignupsOf(me.person.id, 10)).map((s) => s.status)).toEqual(['cancelled']);
    expect(await k.h.store.reports.get(forMe.id)).toMatchObject({ residentId: me.person.id, contactName: null, contactPhone: null, description: '楼道堆放杂物' });
  });

  it('refuses a leave without the first call’s token, or with one older than ten minutes, writing nothing', async () => {
    const me = await k.resident('王犹豫');
    expectFailure(await leave(me.cred, 'ab'.repeat(16)), 'PERSON.LEAVE_NOT_CONFIRMED', 'token');
    expectFailure(await leave(me.cred, 'not-a-token'), 'INPUT.INVALID', 'token');
    const { token } = data(await ask(me.cred));
    k.h.clock.advance(10 * 60_000 + 1);
    expectFailure(await leave(me.cred, token), 'PERSON.LEAVE_NOT_CONFIRMED', 'token');
    const other = await k.resident('王旁人');
    const theirs = data(await ask(other.cred)).token;
    expectFailure(await leave(me.cred, theirs), 'PERSON.LEAVE_NOT_CONFIRMED', 'token');
    expect(await k.h.store.people.get(me.person.id)).toMatchObject({ name: '王犹豫', openid: me.person.openid });
    expect(await k.h.store.bindings.listForPerson(me.person.id)).toHaveLength(1);
  });

  it('refuses someone who holds a role leaving does not drop', async () => {
    expectFailure(await ask(await k.h.as('louzhang')), 'PERSON.HOLDS_ROLES');
  });

  it('finishes a leave that stopped halfway when the token is sent again', async () => {
    const me = await k.resident('冯中断');
    const { token } = data(await ask(me.cred));
    const forget = k.h.store.people.forget;
    k.h.store.people.forget = async () => {
      throw new Error('the store went away');
    };
    try {
      expectFailure(await leave(me.cred, token), 'INTERNAL');
    } finally {
      k.h.store.people.forget = forget;
    }
    expect(await k.h.store.bindings.listForPerson(me.person.id)).toEqual([]);
    expect(data(await leave(me.cred, token))).toMatchObject({ left: true, bindingsRemoved: 0 });
    expect(await k.h.store.people.get(me.person.id)).toMatchObject({ name: LEFT_PERSON_NAME, openid: null });
  });
});

describe('a party member leaving (the full demo)', () => {
  it('transfers the check-in out (转出), ends the pairings, and the roster shows no name', async () => {
    const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-leave-member-')), 'jinlin.db'));
    const deps = makeDeps(store, { clock: fixedClock(T0), log: silentLogger });
    try {
      await seedDemo(deps, { residents: 20, reports: 5, seed: 1 });
      const call = <T>(fn: string, action: string, body: unknown, cred: Credentials = {}) => dispatch(deps, fn, { action, data: body }, cred) as Promise<Result<T>>;
      const signIn = async (username: string) => ({ token: data(await call<{ token: string }>('auth', 'signIn', { username, password: DEMO_PASSWORD })).token });
      const me = await signIn('dangyuan');
      const person = (await store.people.findByUsername('dangyuan'))!;
      const { token } = data(await call<LeaveConfirmation>('people', 'askToLeave', {}, me));
      const left = data(await call<Left>('people', 'leave', { token }, me));
      expect(left.checkinsEnded).toBe(1);
      expect(left.pairingsEnded).toBeGreaterThan(0);
      const checkins = await store.checkins.listForPerson(person.id);
      expect(checkins.find((c) => c.status === 'transferred_out')).toMatchObject({ name: LEFT_PERSON_NAME, phone: '', reason: '本人注销账号' });
      expect((await store.pairings.listForMember(person.id)).every((p) => p.status === 'ended')).toBe(true);
      expect(await store.bindings.listForPerson(person.id)).toEqual([]);
      const [street] = await store.units.listRoots();
      const roster = await store.checkins.roster({ paths: [street.path], statuses: ['approved', 'transferred_out'] }, 200, 0);
      expect(JSON.stringify(roster)).not.toMatch(/周敏|13800000008/);
      expectFailure(await call('auth', 'whoAmI', {}, me), 'AUTH.TOKEN_REVOKED');
      expectFailure(await call('auth', 'signIn', { username: 'dangyuan', password: DEMO_PASSWORD }), 'AUTH.BAD_CREDENTIALS');
    } finally {
      await store.close();
    }
  });
});
