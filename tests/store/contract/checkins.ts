import { checkinTransition, type Checkin, type CheckinEvent, type CheckinStep, type Person, type Unit } from '../../../src/core';
import type { ApplicantPerson, CheckinApproval, Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
/** A pending check-in with `unit` by a WeChat user nobody knows, unless `extra` says otherwise. */
function checkin(unit: Unit, extra: Partial<Checkin> = {}): Checkin {
  const createdAt = extra.createdAt ?? 10_000;
  return {
    id: `chk_c${String(++n).padStart(6, '0')}`,
    status: 'pending',
    openid: 'o-zhou',
    applicantId: null,
    codeId: 'c_member',
    unitId: unit.id,
    unitPath: unit.path,
    name: '周党员',
    phone: '13800000008',
    phoneVerified: false,
    memberType: 'in_service',
    branch: { name: '市供电公司第三党支部', place: '本市' },
    workUnit: '市供电公司',
    skills: ['水电维修'],
    services: ['助老助残'],
    freeTime: '周末',
    veteran: false,
    household: null,
    personId: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    history: [{ status: 'pending', at: createdAt, by: extra.applicantId ?? null, reason: null, date: null }],
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...extra,
  };
}

const step = (extra: Partial<CheckinStep> = {}): CheckinStep => ({ at: 20_000, by: 'per_secretary', ...extra });
const moved = (c: Checkin, event: CheckinEvent, extra: Partial<CheckinStep> = {}) => checkinTransition(c, event, step(extra));

/** Approving `c` as it was read: `who` becomes the member, bound on the check-in's unit. */
function approval(c: Checkin, who: ApplicantPerson, extra: Partial<CheckinStep> = {}): CheckinApproval {
  const personId = who.kind === 'new' ? who.person.id : who.personId;
  const next = moved(c, 'approve', { personId, ...extra });
  return {
    next,
    version: c.version,
    person: who,
    binding: { id: `bnd_${c.id}_${next.updatedAt}`, personId, unitId: c.unitId, role: 'member', createdAt: next.updatedAt, createdBy: 'per_secretary' },
  };
}

/** The person approving `c` makes, with its openid. */
const newcomer = (c: Checkin): ApplicantPerson => ({ kind: 'new', person: person(c.name, { phone: c.phone, openid: c.openid, createdAt: 20_000, updatedAt: 20_000 }), passwordHash: null });

export function checkinsContract(ctx: ContractContext) {
  describe('checkins', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    /** A person with this openid, inserted. */
    async function someone(name: string, extra: Partial<Person> = {}): Promise<Person> {
      const p = person(name, extra);
      await store.people.insert(p, null);
      return p;
    }

    /** `c` inserted and approved for a new person; the approved check-in and the person's id. */
    async function approved(c: Checkin): Promise<{ checkin: Checkin; personId: string }> {
      await store.checkins.insertPending(c);
      const who = newcomer(c);
      const res = await store.checkins.approve(approval(c, who));
      if (!res.ok) throw new Error(`not approved: ${res.reason}`);
      return { checkin: res.checkin, personId: res.checkin.personId! };
    }

    describe('checking in', () => {
      it('inserts a pending check-in and gets it back as made', async () => {
        const c = checkin(t.a, { household: { buildingId: t.a1.id, door: { entrance: '2', floor: 5, room: '502' } }, veteran: true });
        expect(await store.checkins.insertPending(c)).toEqual({ checkin: c, created: true });
        expect(await store.checkins.get(c.id)).toEqual(c);
        expect(await store.checkins.get('chk_missing')).toBeNull();
      });

      it('answers the pending one to a second check-in by the same WeChat user or person, and writes nothing', async () => {
        const first = checkin(t.a);
        await store.checkins.insertPending(first);
        const again = checkin(t.community, { memberType: 'direct' });
        expect(await store.checkins.insertPending(again)).toEqual({ checkin: first, created: false });
        expect(await store.checkins.get(again.id)).toBeNull();

        const me = await someone('吴党员', { openid: 'o-wu' });
        const mine = checkin(t.a, { openid: 'o-wu', applicantId: me.id });
        await store.checkins.insertPending(mine);
        // The same person through the web (no openid) is the same applicant.
        expect(await store.checkins.insertPending(checkin(t.b, { openid: null, applicantId: me.id }))).toEqual({ checkin: mine, created: false });
        expect(await store.checkins.listForPerson(me.id)).toEqual([mine]);
        // Another applicant is not held up by either.
        expect((await store.checkins.insertPending(checkin(t.a, { openid: 'o-li' }))).created).toBe(true);
      });

      it('RACE: of 10 check-ins by one WeChat user at once, one is pending and every submit answers it', async () => {
        const cs = Array.from({ length: 10 }, (_, i) => checkin(i % 2 ? t.a : t.b, { createdAt: 10_000 + i }));
        const results = await Promise.all(cs.map((c) => store.checkins.insertPending(c)));
        expect(results.filter((x) => x.created)).toHaveLength(1);
        const winner = results.find((x) => x.created)!.checkin;
        for (const x of results) expect(x.checkin.id).toBe(winner.id);
        expect((await store.checkins.listForOpenid('o-zhou')).map((c) => c.id)).toEqual([winner.id]);
        expect(await store.checkins.listPending([t.community.path], 100)).toHaveLength(1);
      }, 30_000);

      it('RACE: of 10 check-ins by one person (no WeChat) at once, one is pending', async () => {
        const me = await someone('郑党员', { username: 'zheng' });
        const cs = Array.from({ length: 10 }, (_, i) => checkin(t.a, { openid: null, applicantId: me.id, createdAt: 10_000 + i }));
        const results = await Promise.all(cs.map((c) => store.checkins.insertPending(c)));
        expect(results.filter((x) => x.created)).toHaveLength(1);
        expect(new Set(results.map((x) => x.checkin.id)).size).toBe(1);
        expect(await store.checkins.listForPerson(me.id)).toHaveLength(1);
      }, 30_000);
    });

    describe('approving', () => {
      it('makes a new person with the openid and binds the member role on the unit in the same step as the status', async () => {
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        const who = newcomer(c);
        const a = approval(c, who);
        const res = await store.checkins.approve(a);
        expect(res).toEqual({ ok: true, checkin: a.next });
        expect(a.next).toMatchObject({ status: 'approved', personId: a.binding.personId, decidedBy: 'per_secretary', decidedAt: 20_000, version: 2 });
        expect(await store.checkins.get(c.id)).toEqual(a.next);
        const p = await store.people.findByOpenid('o-zhou');
        expect(p).toMatchObject({ id: a.binding.personId, name: '周党员', phone: '13800000008' });
        expect(await store.bindings.find(p!.id, t.a.id, 'member')).toMatchObject({ unitId: t.a.id, role: 'member' });
        // No longer pending: the same WeChat user may check in again (once transferred out, say).
        expect((await store.checkins.insertPending(checkin(t.b))).created).toBe(true);
      });

      it('binds the member role on the community for a 直管 member', async () => {
        const { personId } = await approved(checkin(t.community, { memberType: 'direct' }));
        expect(await store.bindings.find(personId, t.community.id, 'member')).toBeTruthy();
      });

      it('RACE: of two approvals at once, one wins: one person, one binding, the check-in approved once', async () => {
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        const results = await Promise.all([
          store.checkins.approve(approval(c, newcomer(c), { by: 'per_secretary' })),
          store.checkins.approve(approval(c, newcomer(c), { by: 'per_community_secretary' })),
        ]);
        expect(results.filter((x) => x.ok)).toHaveLength(1);
        expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
        const won = results.find((x) => x.ok)!;
        expect(await store.people.count()).toBe(1);
        const p = (await store.people.findByOpenid('o-zhou'))!;
        expect(await store.bindings.listForPerson(p.id)).toHaveLength(1);
        expect(await store.checkins.get(c.id)).toEqual(won.ok && won.checkin);
        expect((await store.checkins.get(c.id))!.history.map((h) => h.status)).toEqual(['pending', 'approved']);
      }, 30_000);

      it('refuses a stale version or a decided check-in and writes nothing', async () => {
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        expect(await store.checkins.approve(approval({ ...c, version: 0 }, newcomer(c)))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.checkins.approve(approval(checkin(t.a, { id: 'chk_missing', openid: 'o-x' }), newcomer(c)))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.people.count()).toBe(0);
        expect(await store.bindings.listForUnit(t.a.id)).toEqual([]);
        expect(await store.checkins.get(c.id)).toEqual(c);

        const returned = await store.checkins.decide(moved(c, 'return', { reason: '党支部名称不全' }), 1);
        expect(await store.checkins.approve(approval(c, newcomer(c)))).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.checkins.get(c.id)).toEqual(returned);
        expect(await store.people.count()).toBe(0);
      });

      it('binds a person who checked in as themselves, and keeps a member role they held already', async () => {
        const me = await someone('吴党员', { openid: 'o-wu' });
        const held = binding(me, t.a, 'member');
        await store.bindings.insert(held);
        const c = checkin(t.a, { openid: 'o-wu', applicantId: me.id });
        await store.checkins.insertPending(c);
        expect(await store.checkins.approve(approval(c, { kind: 'existing', personId: me.id }))).toMatchObject({ ok: true, checkin: { personId: me.id } });
        expect(await store.bindings.listForPerson(me.id)).toEqual([held]);
        expect(await store.people.count()).toBe(1);
      });

      it('claims a person nobody signs in as: the openid goes on them', async () => {
        const resident = await someone('周党员', { phone: '13800000008' });
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        const res = await store.checkins.approve(approval(c, { kind: 'claim', personId: resident.id }, { at: 30_000 }));
        expect(res).toMatchObject({ ok: true, checkin: { personId: resident.id, status: 'approved' } });
        expect(await store.people.get(resident.id)).toMatchObject({ openid: 'o-zhou', version: 2, updatedAt: 30_000 });
        expect(await store.bindings.find(resident.id, t.a.id, 'member')).toBeTruthy();
      });

      it('refuses a claim of someone taken, or a WeChat user who is someone else, and writes nothing', async () => {
        const taken = await someone('周党员', { openid: 'o-earlier' });
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        expect(await store.checkins.approve(approval(c, { kind: 'claim', personId: taken.id }))).toEqual({ ok: false, reason: 'taken' });
        await someone('别人', { openid: 'o-zhou' });
        expect(await store.checkins.approve(approval(c, newcomer(c)))).toEqual({ ok: false, reason: 'login_taken' });
        expect(await store.people.get(taken.id)).toMatchObject({ openid: 'o-earlier', version: 1 });
        expect(await store.people.count()).toBe(2);
        expect(await store.bindings.listForUnit(t.a.id)).toEqual([]);
        expect(await store.checkins.get(c.id)).toEqual(c);
      });
    });

    describe('returning', () => {
      it('writes the return only at the version read, with its reason in the history, and frees the applicant to check in again', async () => {
        const c = checkin(t.a);
        await store.checkins.insertPending(c);
        const next = moved(c, 'return', { reason: '党支部名称不全' });
        expect(await store.checkins.decide(next, 2)).toBeNull();
        expect(await store.checkins.decide(next, 1)).toEqual(next);
        expect(await store.checkins.get(c.id)).toMatchObject({ status: 'returned', reason: '党支部名称不全', version: 2 });
        expect(await store.checkins.decide(next, 1)).toBeNull();
        expect((await store.checkins.insertPending(checkin(t.a, { createdAt: 30_000 }))).created).toBe(true);
        expect((await store.checkins.listForOpenid('o-zhou')).map((x) => x.status)).toEqual(['pending', 'returned']);
      });
    });

    describe('transferring out and withdrawing', () => {
      it('takes the member role off in the same step as the status, and keeps the record and its history', async () => {
        const { checkin: c, personId } = await approved(checkin(t.a));
        const other = binding({ id: personId } as Person, t.a1, 'resident');
        await store.bindings.insert(other);
        const next = moved(c, 'transferOut', { at: 40_000, date: '2026-12-01', reason: '组织关系转往外市' });
        expect(await store.checkins.end(next, c.version)).toEqual(next);
        expect(await store.bindings.find(personId, t.a.id, 'member')).toBeNull();
        // Other roles stay.
        expect(await store.bindings.listForPerson(personId)).toEqual([other]);
        const kept = (await store.checkins.get(c.id))!;
        expect(kept).toMatchObject({ status: 'transferred_out', personId, reason: '组织关系转往外市' });
        expect(kept.history.map((h) => [h.status, h.date])).toEqual([
          ['pending', null],
          ['approved', null],
          ['transferred_out', '2026-12-01'],
        ]);
        expect(await store.checkins.listForPerson(personId)).toEqual([kept]);
      });

      it('refuses a stale version and keeps the binding', async () => {
        const { checkin: c, personId } = await approved(checkin(t.a));
        expect(await store.checkins.end(moved(c, 'withdraw', { date: '2026-12-01', reason: '撤回' }), 1)).toBeNull();
        expect(await store.bindings.find(personId, t.a.id, 'member')).toBeTruthy();
        expect(await store.checkins.get(c.id)).toEqual(c);
      });

      it('lets a returning member check in again beside their old record, listed by person newest first', async () => {
        const { checkin: first, personId } = await approved(checkin(t.a, { createdAt: 1_000 }));
        await store.checkins.end(moved(first, 'withdraw', { at: 2_000, date: '2026-01-01', reason: '外出务工' }), first.version);
        const back = checkin(t.a, { applicantId: personId, createdAt: 3_000 });
        expect((await store.checkins.insertPending(back)).created).toBe(true);
        expect(await store.checkins.approve(approval(back, { kind: 'existing', personId }, { at: 4_000 }))).toMatchObject({ ok: true });
        expect(await store.bindings.find(personId, t.a.id, 'member')).toBeTruthy();
        expect((await store.checkins.listForPerson(personId)).map((x) => [x.id, x.status])).toEqual([
          [back.id, 'approved'],
          [first.id, 'withdrawn'],
        ]);
        expect((await store.checkins.listForOpenid('o-zhou')).map((x) => x.id)).toEqual([back.id, first.id]);
      });
    });

    describe('the queue, the roster and the tallies', () => {
      it('lists pending check-ins under the given paths, oldest first, at most the limit', async () => {
        const inA = checkin(t.a, { openid: 'o-1', createdAt: 3_000 });
        const inB = checkin(t.b, { openid: 'o-2', createdAt: 1_000 });
        const direct = checkin(t.community, { openid: 'o-3', createdAt: 2_000, memberType: 'direct' });
        const decided = checkin(t.a, { openid: 'o-4', createdAt: 500 });
        for (const c of [inA, inB, direct, decided]) await store.checkins.insertPending(c);
        await store.checkins.decide(moved(decided, 'return', { reason: '重复' }), 1);
        const ids = async (paths: string[], limit = 10) => (await store.checkins.listPending(paths, limit)).map((c) => c.id);
        expect(await ids([t.a.path])).toEqual([inA.id]);
        expect(await ids([t.community.path])).toEqual([inB.id, direct.id, inA.id]);
        expect(await ids([t.a.path, t.b.path])).toEqual([inB.id, inA.id]);
        expect(await ids([t.community.path], 2)).toEqual([inB.id, direct.id]);
        expect(await ids([])).toEqual([]);
      });

      it('lists the roster by unit then name, filtered by status, type, skills and the veteran tag, with the total of every page', async () => {
        const make = async (unit: Unit, name: string, extra: Partial<Checkin>, approve = true) => {
          const c = checkin(unit, { openid: `o-${name}`, name, ...extra });
          if (approve) return (await approved(c)).checkin;
          await store.checkins.insertPending(c);
          return c;
        };
        await make(t.a, '王', { memberType: 'retired', skills: ['法律咨询', '书法绘画'], veteran: true });
        await make(t.a, '李', { memberType: 'in_service', skills: ['水电维修'] });
        await make(t.b, '赵', { memberType: 'mobile', skills: [] });
        await make(t.community, '钱', { memberType: 'direct', skills: ['法律咨询'], veteran: true });
        const pending = await make(t.a, '孙', { memberType: 'retired' }, false);
        const gone = await make(t.a, '吴', { memberType: 'retired' });
        await store.checkins.end(moved(gone, 'transferOut', { date: '2026-12-01', reason: '转出' }), gone.version);

        const names = async (q: Partial<Parameters<Store['checkins']['roster']>[0]>, limit = 50, offset = 0) => {
          const r = await store.checkins.roster({ paths: [t.community.path], statuses: ['approved'], ...q }, limit, offset);
          return { names: r.checkins.map((c) => c.name), total: r.total };
        };
        // Under the community: its own (直管) first, since its path is the compounds' prefix; then each
        // compound's (幸福里 made before 阳光花园, so its path sorts first) by name, in code point order: 李 (U+674E) before 王 (U+738B).
        expect(await names({})).toEqual({ names: ['钱', '李', '王', '赵'], total: 4 });
        expect(await names({ paths: [t.a.path] })).toEqual({ names: ['李', '王'], total: 2 });
        expect(await names({ paths: [t.b.path, t.a.path] })).toEqual({ names: ['李', '王', '赵'], total: 3 });
        expect(await names({ types: ['retired', 'direct'] })).toEqual({ names: ['钱', '王'], total: 2 });
        expect(await names({ skills: ['法律咨询', '水电维修'], paths: [t.a.path] })).toEqual({ names: ['李', '王'], total: 2 });
        expect(await names({ skills: ['书法绘画'] })).toEqual({ names: ['王'], total: 1 });
        expect(await names({ veteran: true })).toEqual({ names: ['钱', '王'], total: 2 });
        expect(await names({ veteran: false, paths: [t.b.path] })).toEqual({ names: ['赵'], total: 1 });
        expect(await names({ statuses: ['pending'] })).toEqual({ names: [pending.name], total: 1 });
        expect(await names({ statuses: ['transferred_out', 'withdrawn'] })).toEqual({ names: [gone.name], total: 1 });
        expect(await names({ statuses: ['approved', 'transferred_out'], paths: [t.a.path] })).toEqual({ names: ['吴', '李', '王'].sort(), total: 3 });
        expect(await names({}, 2, 1)).toEqual({ names: ['李', '王'], total: 4 });
        expect(await names({ paths: [] })).toEqual({ names: [], total: 0 });
      }, 30_000);

      it('tallies check-ins by unit, code, status, type and veteran tag', async () => {
        await approved(checkin(t.a, { openid: 'o-1', memberType: 'retired', veteran: true }));
        await approved(checkin(t.a, { openid: 'o-2', memberType: 'retired', veteran: true }));
        await approved(checkin(t.a, { openid: 'o-3', memberType: 'in_service', codeId: 'c_gate2' }));
        await approved(checkin(t.community, { openid: 'o-4', memberType: 'direct', codeId: 'c_community' }));
        await store.checkins.insertPending(checkin(t.b, { openid: 'o-5', memberType: 'mobile', codeId: 'c_b' }));
        const sorted = (rows: Awaited<ReturnType<Store['checkins']['tally']>>) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
        expect(sorted(await store.checkins.tally([t.community.path]))).toEqual(
          sorted([
            { unitId: t.a.id, codeId: 'c_member', status: 'approved', memberType: 'retired', veteran: true, count: 2 },
            { unitId: t.a.id, codeId: 'c_gate2', status: 'approved', memberType: 'in_service', veteran: false, count: 1 },
            { unitId: t.community.id, codeId: 'c_community', status: 'approved', memberType: 'direct', veteran: false, count: 1 },
            { unitId: t.b.id, codeId: 'c_b', status: 'pending', memberType: 'mobile', veteran: false, count: 1 },
          ]),
        );
        expect(await store.checkins.tally([t.b.path])).toEqual([{ unitId: t.b.id, codeId: 'c_b', status: 'pending', memberType: 'mobile', veteran: false, count: 1 }]);
        expect(await store.checkins.tally([])).toEqual([]);
      });
    });
  });
}
