import type { Topic } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { opinion, topic } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function topicsContract(ctx: ContractContext) {
  describe('topics', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    describe('opening', () => {
      it('inserts a topic and gets it back as opened; a retried open answers the first and writes nothing', async () => {
        const x = topic(t.a, { photos: ['topics/a.jpg'], reportId: 'rep_1' });
        expect(await store.topics.insert(x)).toEqual({ topic: x, created: true });
        expect(await store.topics.get(x.id)).toEqual(x);
        const retry = { ...x, id: 'top_retry', title: '又开了一遍', createdAt: 99_999 };
        expect(await store.topics.insert(retry)).toEqual({ topic: x, created: false });
        expect(await store.topics.get('top_retry')).toBeNull();
        // The same request id from another opener is another topic.
        const other = { ...retry, id: 'top_other', openedBy: 'per_staff' };
        expect(await store.topics.insert(other)).toEqual({ topic: other, created: true });
        expect(await store.topics.get('top_missing')).toBeNull();
      });

      it('keeps an open question (no options, no vote days) as given', async () => {
        const q = topic(t.a1, { options: [], voteOpensAt: null, voteClosesAt: null, parties: [], audience: 'residents_and_members' });
        await store.topics.insert(q);
        expect(await store.topics.get(q.id)).toEqual(q);
      });

      it('RACE: of 20 retries of one open at once, one topic is written and every retry answers it', async () => {
        const first = topic(t.a);
        const racers = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `top_race${String(i).padStart(2, '0')}`, createdAt: 10_000 + i }));
        const results = await Promise.all(racers.map((x) => store.topics.insert(x)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.topic;
        for (const r of results) expect(r.topic).toEqual(winner);
        expect(await store.topics.list({ unitIds: [t.a.id] }, 100, 0)).toEqual({ topics: [winner], total: 1 });
      }, 60_000);
    });

    describe('updating', () => {
      it('writes the whole topic at the version read, identity as inserted; a stale version writes nothing', async () => {
        const x = topic(t.a, { photos: ['topics/a.jpg', 'topics/b.jpg'], parties: ['物业', '业委会'] });
        await store.topics.insert(x);
        const edited: Topic = {
          ...x,
          title: '东门加装充电桩（修改）',
          options: [{ id: 'a', label: '同意' }, { id: 'b', label: '不同意' }, { id: 'c', label: '改到西门' }],
          photos: ['topics/c.jpg'],
          parties: [],
          voteClosesAt: 40_000,
          updatedAt: 15_000,
          version: 2,
        };
        expect(await store.topics.update(edited, 1)).toEqual(edited);
        expect(await store.topics.get(x.id)).toEqual(edited);
        expect(await store.topics.update({ ...x, title: '迟到的修改', version: 2 }, 1)).toBeNull();
        // Identity fields sent changed stay as inserted.
        const decided: Topic = {
          ...edited,
          status: 'decided',
          decision: { decidedBy: 'vote', optionId: 'a', text: '加装充电桩', minutes: '12月13日议事会，到会18户', meetingDay: '2026-12-13', attendees: '居民代表 18 人', rulesVersion: null, by: 'per_secretary', at: 50_000 },
          updatedAt: 50_000,
          version: 3,
        };
        expect(await store.topics.update({ ...decided, openedBy: 'per_mallory', clientRequestId: 'req-other', createdAt: 1 }, 2)).toEqual(decided);
        expect(await store.topics.get(x.id)).toEqual(decided);
        // The decision is replaced whole (no field of the old one stays), and cleared to null.
        const redecided: Topic = { ...decided, decision: { ...decided.decision!, optionId: null, rulesVersion: 2 }, version: 4 };
        expect(await store.topics.update(redecided, 3)).toEqual(redecided);
        const withdrawn: Topic = { ...redecided, status: 'withdrawn', decision: null, withdrawnReason: '并入另一议题', version: 5 };
        expect(await store.topics.update(withdrawn, 4)).toEqual(withdrawn);
        expect(await store.topics.get(x.id)).toEqual(withdrawn);
        expect(await store.topics.update(topic(t.a, { id: 'top_missing', version: 2 }), 1)).toBeNull();
      });

      it('RACE: of two updates at one version, one writes', async () => {
        const x = topic(t.a);
        await store.topics.insert(x);
        const results = await Promise.all([
          store.topics.update({ ...x, status: 'decided', decision: { decidedBy: 'agenda_meeting', optionId: 'a', text: '加装', minutes: '纪要', meetingDay: '2026-12-13', attendees: '12 人', rulesVersion: null, by: 'per_a', at: 50_000 }, version: 2 }, 1),
          store.topics.update({ ...x, status: 'withdrawn', withdrawnReason: '撤回', version: 2 }, 1),
        ]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        expect(await store.topics.get(x.id)).toEqual(results.find((r) => r !== null));
      });
    });

    describe('lists', () => {
      it('lists topics of some units or under a path, newest first (ties by id), by status, with the total', async () => {
        const x1 = topic(t.a, { id: 'top_l1', createdAt: 10_000 });
        const x2 = topic(t.a1, { id: 'top_l2', createdAt: 11_000, status: 'decided' });
        const x3 = topic(t.a2, { id: 'top_l3', createdAt: 11_000, status: 'withdrawn' });
        const x4 = topic(t.b1, { id: 'top_l4', createdAt: 12_000 });
        const x5 = topic(t.community, { id: 'top_l5', createdAt: 9_000 });
        for (const x of [x1, x2, x3, x4, x5]) await store.topics.insert(x);
        const ids = async (q: Parameters<Store['topics']['list']>[0], limit = 100, offset = 0) => {
          const r = await store.topics.list(q, limit, offset);
          return { ids: r.topics.map((x) => x.id), total: r.total };
        };
        const cases: [Parameters<Store['topics']['list']>[0], { ids: string[]; total: number }][] = [
          [{ unitIds: [t.a1.id, t.a.id, t.community.id] }, { ids: ['top_l2', 'top_l1', 'top_l5'], total: 3 }],
          [{ unitIds: [t.a1.id, t.a.id], statuses: ['open'] }, { ids: ['top_l1'], total: 1 }],
          [{ unitIds: [] }, { ids: [], total: 0 }],
          [{ unitIds: [t.a.id], statuses: [] }, { ids: [], total: 0 }],
          [{ underPath: t.a.path }, { ids: ['top_l3', 'top_l2', 'top_l1'], total: 3 }],
          [{ underPath: t.community.path }, { ids: ['top_l4', 'top_l3', 'top_l2', 'top_l1', 'top_l5'], total: 5 }],
          [{ underPath: t.community.path, statuses: ['decided', 'withdrawn'] }, { ids: ['top_l3', 'top_l2'], total: 2 }],
          [{ underPath: t.b.path }, { ids: ['top_l4'], total: 1 }],
        ];
        for (const [q, want] of cases) expect(await ids(q)).toEqual(want);
        expect(await ids({ underPath: t.community.path }, 2, 1)).toEqual({ ids: ['top_l3', 'top_l2'], total: 5 });
      });

      it('lists the open topics under a path that wait for a decision, oldest closing first', async () => {
        const before = 100_000;
        const cases: [Topic, boolean][] = [
          [topic(t.a1, { id: 'top_w1', voteClosesAt: 60_000 }), true],
          [topic(t.a, { id: 'top_w2', voteClosesAt: 50_000 }), true],
          // An open question waits once its opinions' time is over.
          [topic(t.a2, { id: 'top_w3', options: [], voteOpensAt: null, voteClosesAt: null, opinionsUntil: 55_000 }), true],
          [topic(t.a2, { id: 'top_w4', options: [], voteOpensAt: null, voteClosesAt: null, opinionsUntil: 150_000 }), false],
          // Still voting at `before`, or its opinions' end is past but not its vote's.
          [topic(t.a1, { id: 'top_w5', opinionsUntil: 20_000, voteClosesAt: 100_000 }), false],
          [topic(t.a1, { id: 'top_w6', status: 'decided', voteClosesAt: 40_000 }), false],
          [topic(t.a1, { id: 'top_w7', status: 'withdrawn', voteClosesAt: 40_000 }), false],
          [topic(t.b1, { id: 'top_w8', voteClosesAt: 40_000 }), false],
        ];
        for (const [x] of cases) await store.topics.insert(x);
        expect((await store.topics.awaitingDecision(t.a.path, before, 10)).map((x) => x.id)).toEqual(['top_w2', 'top_w3', 'top_w1']);
        expect((await store.topics.awaitingDecision(t.a.path, before, 2)).map((x) => x.id)).toEqual(['top_w2', 'top_w3']);
        expect((await store.topics.awaitingDecision(t.community.path, before, 10)).map((x) => x.id)).toEqual(['top_w8', 'top_w2', 'top_w3', 'top_w1']);
        expect(await store.topics.awaitingDecision(t.a.path, 50_000, 10)).toEqual([]);
      });

      it("lists the decided topics of some units, newest decision first; and a report's topics", async () => {
        const decision = (at: number) => ({ decidedBy: 'vote' as const, optionId: 'a', text: '加装', minutes: '纪要', meetingDay: '2026-12-13', attendees: '12 人', rulesVersion: null, by: 'per_s', at });
        const d1 = topic(t.a, { id: 'top_d1', status: 'decided', decision: decision(70_000), createdAt: 1_000 });
        const d2 = topic(t.a1, { id: 'top_d2', status: 'decided', decision: decision(80_000), createdAt: 2_000, reportId: 'rep_9' });
        const d3 = topic(t.b, { id: 'top_d3', status: 'decided', decision: decision(90_000) });
        const open = topic(t.a, { id: 'top_d4', reportId: 'rep_9', createdAt: 3_000 });
        for (const x of [d1, d2, d3, open]) await store.topics.insert(x);
        expect(await store.topics.decided([t.a.id, t.a1.id, t.a2.id], 10)).toEqual([d2, d1]);
        expect(await store.topics.decided([t.a.id, t.a1.id], 1)).toEqual([d2]);
        expect(await store.topics.decided([], 10)).toEqual([]);
        expect(await store.topics.forReport('rep_9')).toEqual([open, d2]);
        expect(await store.topics.forReport('rep_none')).toEqual([]);
      });
    });

    describe('opinions', () => {
      it('writes an opinion once per author, topic and request id; a retry answers the first', async () => {
        const x = topic(t.a);
        const y = topic(t.a, { id: 'top_other' });
        const o = opinion(x, 'per_wang');
        expect(await store.topics.say(o)).toEqual({ opinion: o, created: true });
        expect(await store.topics.getOpinion(o.id)).toEqual(o);
        expect(await store.topics.say({ ...o, id: 'opn_retry', text: '又说了一遍' })).toEqual({ opinion: o, created: false });
        expect(await store.topics.getOpinion('opn_retry')).toBeNull();
        // The same request id on another topic, or from another person, is another opinion.
        for (const other of [{ ...o, id: 'opn_b', topicId: y.id }, { ...o, id: 'opn_c', personId: 'per_li' }]) {
          expect(await store.topics.say(other)).toEqual({ opinion: other, created: true });
        }
        expect(await store.topics.getOpinion('opn_missing')).toBeNull();
      });

      it('RACE: of 20 says with one request id at once, one opinion is written and every one answers it', async () => {
        const x = topic(t.a);
        const first = opinion(x, 'per_wang');
        const racers = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `opn_race${String(i).padStart(2, '0')}`, createdAt: 12_000 + i }));
        const results = await Promise.all(racers.map((o) => store.topics.say(o)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.opinion;
        for (const r of results) expect(r.opinion).toEqual(winner);
        expect(await store.topics.opinions(x.id)).toEqual([winner]);
      }, 60_000);

      it('hides and shows an opinion; lists a topic oldest first (hidden included) and counts those shown', async () => {
        const x = topic(t.a);
        const y = topic(t.a, { id: 'top_y' });
        const z = topic(t.a, { id: 'top_z' });
        const o1 = opinion(x, 'per_wang', { id: 'opn_1', createdAt: 12_000 });
        const o2 = opinion(x, 'per_li', { id: 'opn_2', createdAt: 11_000 });
        const o3 = opinion(x, 'per_zhao', { id: 'opn_3', createdAt: 13_000 });
        const o4 = opinion(y, 'per_wang', { id: 'opn_4' });
        for (const o of [o1, o2, o3, o4]) await store.topics.say(o);
        const hidden = { reason: '含有人身攻击', by: 'per_staff', at: 14_000 };
        expect(await store.topics.setHidden(o3.id, hidden)).toEqual({ ...o3, hidden });
        expect(await store.topics.setHidden(o4.id, hidden)).toEqual({ ...o4, hidden });
        expect(await store.topics.opinions(x.id)).toEqual([o2, o1, { ...o3, hidden }]);
        const counts = await store.topics.opinionCounts([x.id, y.id, z.id, x.id]);
        expect(counts.get(x.id)).toBe(2);
        // Topics with none shown are left out.
        expect(counts.has(y.id)).toBe(false);
        expect(counts.has(z.id)).toBe(false);
        expect(await store.topics.setHidden(o4.id, null)).toEqual(o4);
        expect((await store.topics.opinionCounts([y.id])).get(y.id)).toBe(1);
        expect(await store.topics.opinionCounts([])).toEqual(new Map());
        expect(await store.topics.setHidden('opn_missing', hidden)).toBeNull();
      });

      it("lists a person's opinions newest first and scrubs their texts when they leave", async () => {
        const x = topic(t.a);
        const mine = [opinion(x, 'per_wang', { id: 'opn_m1', createdAt: 12_000 }), opinion(x, 'per_wang', { id: 'opn_m2', createdAt: 13_000 })];
        const theirs = opinion(x, 'per_li', { id: 'opn_t1' });
        for (const o of [...mine, theirs]) await store.topics.say(o);
        expect(await store.topics.opinionsBy('per_wang')).toEqual([mine[1], mine[0]]);
        expect(await store.topics.scrubOpinionsBy('per_wang', '（该居民已注销）')).toBe(2);
        expect((await store.topics.opinionsBy('per_wang')).map((o) => o.text)).toEqual(['（该居民已注销）', '（该居民已注销）']);
        expect(await store.topics.getOpinion(theirs.id)).toEqual(theirs);
        expect(await store.topics.opinionsBy('per_nobody')).toEqual([]);
        expect(await store.topics.scrubOpinionsBy('per_nobody', 'x')).toBe(0);
      });
    });
  });
}
