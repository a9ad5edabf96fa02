/**
 * Using codes: resolving one for whoever scanned it (public, rate-limited per caller, every
 * refusal with its own error code and the unit named), and the uses the later flows take and give
 * back (takeCodeUse, giveBackCodeUse). Making codes: codes.test.ts.
 */
import { CODE_RESOLVE_LIMIT, type CodeView, type ResolvedCode } from '../../src/core';
import { giveBackCodeUse, takeCodeUse } from '../../cloudfunctions/lib/actions/codes/use';
import { forwardedFor } from '../../cloudfunctions/lib/entry';
import { buildServer } from '../../server/app';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { T0, data, expectFailure, harness, type Harness } from '../support/harness';
import { DAY, codesKit } from './support/codes';

let h: Harness;
let kit: ReturnType<typeof codesKit>;
let lead: Credentials;
let buildingId: string;
let jumin: string;
beforeAll(async () => {
  h = await harness();
  kit = codesKit(h);
  lead = await h.as('louzhang');
  buildingId = (await h.unitNamed('1号楼', '幸福里小区')).id;
  jumin = (await h.store.people.findByUsername('jumin'))!.id;
});
afterAll(() => h.close());
afterEach(() => h.clock.set(T0));

/** Each test resolves from its own address, so no test spends another's tries. */
let callers = 0;
const someone = (): Credentials => ({ ip: `10.0.0.${++callers}` });
const resolve = (id: string, cred: Credentials = someone()) => h.call<ResolvedCode>('codes', 'resolve', { id }, cred);
const building = (extra: Partial<Parameters<ReturnType<typeof codesKit>['make']>[1]> = {}) => kit.make(lead, { unitId: buildingId, purpose: 'building', ...extra });
const scans = async (id: string) => (await h.store.codes.get(id))!.scans;

describe('resolving a code', () => {
  it('tells anyone, signed in or not, what the code is for and where', async () => {
    const code = await building({ useLimit: 20 });
    expect(data(await resolve(code.id))).toEqual({
      id: code.id,
      purpose: 'building',
      purposeLabel: '楼栋码',
      does: '加入本楼，成为楼里的居民',
      unit: { id: buildingId, name: '1号楼', kind: 'building', path: expect.any(String) },
      trail: '阳光社区 幸福里小区 1号楼',
      personName: null,
      validUntil: null,
      usesLeft: 20,
    });
    expect(data(await resolve(code.id, await h.as('jumin'))).id).toBe(code.id);
    expect(data(await resolve(code.id, { openid: 'o-not-registered-yet' })).id).toBe(code.id);
  });

  it('forgives case, spaces, dashes and look-alike letters in a typed code', async () => {
    const code = await building();
    const typed = `${code.id.slice(0, 4)}-${code.id.slice(4, 8)} ${code.id.slice(8)}`.toUpperCase().replace(/1/g, 'I').replace(/0/g, 'O');
    expect(data(await resolve(`  ${typed} `)).id).toBe(code.id);
  });

  it('masks a personal code’s person: enough for them to know it is theirs', async () => {
    const code = await kit.make(lead, { unitId: buildingId, purpose: 'personal', personId: jumin });
    expect(data(await resolve(code.id))).toMatchObject({ purpose: 'personal', purposeLabel: '个人码', personName: '孙*贵', usesLeft: 1, validUntil: T0 + 14 * DAY });
  });

  it('counts a scan each time a code is resolved, whatever its state, and writes nothing else', async () => {
    const code = await building();
    const expired = await building({ validUntil: T0 + 60_000 });
    const before = (await h.store.audit.search({}, 100_000)).length;
    await resolve(code.id);
    await resolve(code.id.toUpperCase());
    h.clock.advance(120_000);
    expectFailure(await resolve(expired.id), 'CODE.EXPIRED');
    expect(await scans(code.id)).toBe(2);
    expect(await scans(expired.id)).toBe(1);
    expect((await h.store.audit.search({}, 100_000)).length).toBe(before);
  });

  it('answers CODE.NOT_FOUND for an unknown code and for something that is not a code at all', async () => {
    for (const id of ['zzzzzzzzzzzz', 'hello', '码', 'x'.repeat(64)]) expectFailure(await resolve(id), 'CODE.NOT_FOUND', 'id');
    expectFailure(await resolve(''), 'INPUT.INVALID', 'id');
  });

  it('refuses a code not yet valid, expired, revoked or used up, each with its own code and the unit to ask', async () => {
    const notYet = await building({ validFrom: T0 + DAY });
    const expiring = await building({ validUntil: T0 + 3600_000 });
    const revoked = await building();
    data(await h.call<CodeView>('codes', 'revoke', { id: revoked.id, reason: '贴错了' }, lead));
    const once = await building({ useLimit: 1 });
    await takeCodeUse(h.deps, once.id, { purposes: ['building'] });
    const personal = await kit.make(lead, { unitId: buildingId, purpose: 'personal', personId: jumin });
    await takeCodeUse(h.deps, personal.id, { purposes: ['personal'], personId: jumin });
    h.clock.advance(2 * 3600_000);

    const refused = async (id: string) => {
      const r = await resolve(id);
      return r.ok ? 'ok' : [r.code, r.message];
    };
    expect(await refused(notYet.id)).toEqual(['CODE.NOT_YET_VALID', '这个码明天 09:00 起才能用，请到时再扫；急用请找 1号楼 的楼栋长或社区']);
    expect(await refused(expiring.id)).toEqual(['CODE.EXPIRED', '这个码已过期。请向 1号楼 的楼栋长或社区要一个新码']);
    expect(await refused(revoked.id)).toEqual(['CODE.REVOKED', '这个码已作废。请向 1号楼 的楼栋长或社区要一个新码']);
    expect(await refused(once.id)).toEqual(['CODE.USED_UP', '这个码的使用次数已满。请向 1号楼 的楼栋长或社区要一个新码']);
    expect(await refused(personal.id)).toEqual(['CODE.USED_UP', '这个个人码已经用过了，只能用一次。请向 1号楼 的楼栋长或社区要一个新码']);
    for (const c of [notYet, expiring, revoked, once, personal]) expect(await scans(c.id)).toBe(1);
  });

  it('names who to ask by the code’s purpose: a member code’s compound', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const member = await kit.make(await h.as('zhibu'), { unitId: compound.id, purpose: 'member', validUntil: T0 + 60_000 });
    h.clock.advance(60_000);
    const r = await resolve(member.id);
    expect(r).toMatchObject({ ok: false, code: 'CODE.EXPIRED', message: '这个码已过期。请向 幸福里小区 的小区党支部或社区要一个新码' });
  });

  it('refuses a code whose unit was archived as revoked', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const b = data(await h.call<{ id: string; version: number }>('units', 'create', { parentId: compound.id, kind: 'building', name: '拆迁楼' }, await h.as('shequ')));
    const code = await kit.make(await h.as('shequ'), { unitId: b.id, purpose: 'building' });
    data(await h.call('units', 'archive', { id: b.id, version: b.version }, await h.as('shequ')));
    expect(await resolve(code.id)).toMatchObject({ ok: false, code: 'CODE.REVOKED', message: expect.stringContaining('拆迁楼') });
    await expect(takeCodeUse(h.deps, code.id, { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.REVOKED' });
    expect((await h.store.codes.get(code.id))!.uses).toBe(0);
  });
});

describe('the resolve rate limit', () => {
  const { perWindow, windowMs } = CODE_RESOLVE_LIMIT;

  it('allows 30 tries in 10 minutes per caller, refuses the 31st, and allows again in the next window', async () => {
    const code = await building();
    // T0 starts a window (09:00 China time); the tries spread over its ten minutes.
    expect(T0 % windowMs).toBe(0);
    const ip: Credentials = { ip: '192.0.2.7' };
    for (let i = 0; i < perWindow; i++) {
      h.clock.set(T0 + i * 19_000);
      expect([i, (await resolve(i % 2 ? code.id : 'zzzzzzzzzzzz', ip)).ok]).toEqual([i, i % 2 === 1]);
    }
    h.clock.set(T0 + windowMs - 1);
    const refused = await resolve(code.id, ip);
    expectFailure(refused, 'CODE.TOO_MANY_TRIES');
    expect(!refused.ok && refused.message).toBe('扫码次数太多了，请过 10 分钟再试');
    // A refused try counts no scan: the code was never looked up.
    expect(await scans(code.id)).toBe(perWindow / 2);
    // Others are not held back by this caller.
    expect((await resolve(code.id, { ip: '192.0.2.8' })).ok).toBe(true);
    h.clock.set(T0 + windowMs);
    expect((await resolve(code.id, ip)).ok).toBe(true);
  });

  it('counts a signed-in person’s tries as theirs wherever they come from, and an unregistered WeChat user by their openid', async () => {
    h.clock.set(T0 + 2 * windowMs);
    const code = await building();
    const jumin = await h.as('jumin');
    for (let i = 0; i < perWindow; i++) await resolve(code.id, { ...jumin, ip: `198.51.100.${i}` });
    expectFailure(await resolve(code.id, { ...jumin, ip: '198.51.100.200' }), 'CODE.TOO_MANY_TRIES');
    expect((await resolve(code.id, { ip: '198.51.100.1' })).ok).toBe(true);

    for (let i = 0; i < perWindow; i++) await resolve(code.id, { openid: 'o-scanner', ip: `203.0.113.${i}` });
    expectFailure(await resolve(code.id, { openid: 'o-scanner', ip: '203.0.113.200' }), 'CODE.TOO_MANY_TRIES');
    expect((await resolve(code.id, { openid: 'o-another-scanner' })).ok).toBe(true);
  });

  it('counts callers with nothing to tell them apart together', async () => {
    h.clock.set(T0 + 5 * windowMs);
    const code = await building();
    for (let i = 0; i < perWindow; i++) await resolve(code.id, {});
    expectFailure(await resolve(code.id, {}), 'CODE.TOO_MANY_TRIES');
  });

  it('counts the local host’s callers by the address they come from', async () => {
    h.clock.set(T0 + 7 * windowMs);
    const code = await building();
    const app = await buildServer({ deps: h.deps });
    try {
      const post = (remoteAddress: string) =>
        app.inject({ method: 'POST', url: '/api/codes', remoteAddress, payload: { action: 'resolve', data: { id: code.id } } }).then((r) => r.json() as { ok: boolean; code?: string });
      for (let i = 0; i < perWindow; i++) expect((await post('192.0.2.50')).ok).toBe(true);
      expect(await post('192.0.2.50')).toMatchObject({ ok: false, code: 'CODE.TOO_MANY_TRIES' });
      expect((await post('192.0.2.51')).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('takes HTTP access’s caller address from the first x-forwarded-for entry', () => {
    expect(forwardedFor({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' })).toBe('203.0.113.9');
    expect(forwardedFor({ 'X-Forwarded-For': ' 203.0.113.10' })).toBe('203.0.113.10');
    expect(forwardedFor({})).toBeNull();
    expect(forwardedFor(undefined)).toBeNull();
  });
});

describe('taking and giving back a code’s use', () => {
  it('takes a use, counts it, and gives it back once', async () => {
    const code = await building({ useLimit: 2 });
    expect(await takeCodeUse(h.deps, code.id, { purposes: ['building', 'personal'] })).toMatchObject({ id: code.id, uses: 1 });
    expect(data(await resolve(code.id)).usesLeft).toBe(1);
    expect(await takeCodeUse(h.deps, code.id.toUpperCase(), { purposes: ['building'] })).toMatchObject({ uses: 2 });
    await expect(takeCodeUse(h.deps, code.id, { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.USED_UP', message: expect.stringContaining('1号楼') });
    expect(await giveBackCodeUse(h.deps, code.id)).toBe(true);
    expect(await takeCodeUse(h.deps, code.id, { purposes: ['building'] })).toMatchObject({ uses: 2 });
    expect(await giveBackCodeUse(h.deps, code.id)).toBe(true);
    expect(await giveBackCodeUse(h.deps, code.id)).toBe(true);
    expect(await giveBackCodeUse(h.deps, code.id)).toBe(false);
    expect((await h.store.codes.get(code.id))!.uses).toBe(0);
  });

  it('holds the limit when many take at once', async () => {
    const code = await building({ useLimit: 5 });
    const tries = await Promise.allSettled(Array.from({ length: 30 }, () => takeCodeUse(h.deps, code.id, { purposes: ['building'] })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(5);
    for (const t of tries) if (t.status === 'rejected') expect(t.reason).toMatchObject({ code: 'CODE.USED_UP' });
    expect((await h.store.codes.get(code.id))!.uses).toBe(5);
  });

  it('refuses a code of another purpose (CODE.WRONG_PURPOSE) and an unknown one, taking nothing', async () => {
    const code = await building();
    await expect(takeCodeUse(h.deps, code.id, { purposes: ['member'] })).rejects.toMatchObject({ code: 'CODE.WRONG_PURPOSE' });
    await expect(takeCodeUse(h.deps, 'zzzzzzzzzzzz', { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.NOT_FOUND' });
    await expect(takeCodeUse(h.deps, 'not a code', { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.NOT_FOUND' });
    expect((await h.store.codes.get(code.id))!.uses).toBe(0);
  });

  it('lets a personal code serve its own person only (CODE.NOT_YOURS), once', async () => {
    const code = await kit.make(lead, { unitId: buildingId, purpose: 'personal', personId: jumin });
    const other = (await h.store.people.findByUsername('dangyuan'))!.id;
    await expect(takeCodeUse(h.deps, code.id, { purposes: ['personal'], personId: other })).rejects.toMatchObject({ code: 'CODE.NOT_YOURS' });
    expect((await h.store.codes.get(code.id))!.uses).toBe(0);
    expect(await takeCodeUse(h.deps, code.id, { purposes: ['personal'], personId: jumin })).toMatchObject({ uses: 1 });
    await expect(takeCodeUse(h.deps, code.id, { purposes: ['personal'], personId: jumin })).rejects.toMatchObject({ code: 'CODE.USED_UP' });
  });

  it('refuses as resolve does: not yet valid, expired, revoked', async () => {
    const notYet = await building({ validFrom: T0 + DAY });
    const expiring = await building({ validUntil: T0 + 60_000 });
    const revoked = await building();
    data(await h.call('codes', 'revoke', { id: revoked.id, reason: '不用了' }, lead));
    h.clock.advance(60_000);
    await expect(takeCodeUse(h.deps, notYet.id, { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.NOT_YET_VALID' });
    await expect(takeCodeUse(h.deps, expiring.id, { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.EXPIRED' });
    await expect(takeCodeUse(h.deps, revoked.id, { purposes: ['building'] })).rejects.toMatchObject({ code: 'CODE.REVOKED' });
    for (const c of [notYet, expiring, revoked]) expect((await h.store.codes.get(c.id))!.uses).toBe(0);
  });
});
