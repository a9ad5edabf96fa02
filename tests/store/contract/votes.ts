import type { Topic } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { topic, vote } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function votesContract(ctx: ContractContext) {
  describe('votes', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    let x: Topic;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
      // Voting from 20,000 to 30,000 ms.
      x = topic(t.a);
      await store.topics.insert(x);
    });

    it("writes a household's first vote, then a changed one before the close: one vote, one change, the tally moves", async () => {
      const first = vote(x, 'hh1', 'a', { at: 21_000 });
      expect(await store.votes.cast(first)).toEqual({ ok: true, vote: first, changed: false });
      expect(await store.votes.ofHousehold(x.id, 'hh1')).toEqual(first);
      expect(await store.votes.tally(x.id)).toEqual({ counts: { a: 1 }, voted: 1 });
      // Another of the household changes it.
      const changed = vote(x, 'hh1', 'b', { personId: 'per_spouse', at: 29_000 });
      expect(await store.votes.cast(changed)).toEqual({ ok: true, vote: { ...changed, changes: 1 }, changed: true });
      expect(await store.votes.ofHousehold(x.id, 'hh1')).toEqual({ ...changed, changes: 1 });
      expect(await store.votes.tally(x.id)).toEqual({ counts: { b: 1 }, voted: 1 });
      // The same choice again changes nothing.
      expect(await store.votes.cast(vote(x, 'hh1', 'b', { at: 29_500 }))).toEqual({ ok: true, vote: { ...changed, changes: 1 }, changed: false });
      expect(await store.votes.ofHousehold(x.id, 'hh1')).toEqual({ ...changed, changes: 1 });
      expect(await store.votes.ofHousehold(x.id, 'hh_none')).toBeNull();
    });

    it('takes a vote from the first to the last ms of the voting time and refuses it outside, nothing written', async () => {
      const cases: [number, boolean][] = [
        [19_999, false],
        [20_000, true],
        [30_000, true],
        [30_001, false],
      ];
      for (const [at, ok] of cases) {
        const v = vote(x, `hh_${at}`, 'a', { at });
        expect(await store.votes.cast(v)).toEqual(ok ? { ok: true, vote: v, changed: false } : { ok: false, reason: 'closed' });
        expect(await store.votes.ofHousehold(x.id, `hh_${at}`)).toEqual(ok ? v : null);
      }
      // A change after the close is refused and the vote stays as it was.
      const kept = vote(x, 'hh_keep', 'a', { at: 25_000 });
      await store.votes.cast(kept);
      expect(await store.votes.cast(vote(x, 'hh_keep', 'b', { at: 30_001 }))).toEqual({ ok: false, reason: 'closed' });
      expect(await store.votes.ofHousehold(x.id, 'hh_keep')).toEqual(kept);
      expect(await store.votes.tally(x.id)).toEqual({ counts: { a: 3 }, voted: 3 });
    });

    it('refuses a vote on a decided or withdrawn topic, an open question and a missing topic, nothing written', async () => {
      const decision = { decidedBy: 'joint_meeting' as const, optionId: 'a', text: '加装', minutes: '纪要', meetingDay: '2026-12-13', attendees: '四方 8 人', rulesVersion: null, by: 'per_s', at: 22_000 };
      const cases: [Topic, string][] = [
        [topic(t.a, { id: 'top_v_decided', status: 'decided', decision }), 'closed'],
        [topic(t.a, { id: 'top_v_withdrawn', status: 'withdrawn', withdrawnReason: '撤回' }), 'closed'],
        [topic(t.a, { id: 'top_v_question', options: [], voteOpensAt: null, voteClosesAt: null }), 'closed'],
      ];
      for (const [y, reason] of cases) {
        await store.topics.insert(y);
        expect(await store.votes.cast(vote(y, 'hh1', 'a'))).toEqual({ ok: false, reason });
        expect(await store.votes.ofHousehold(y.id, 'hh1')).toBeNull();
      }
      expect(await store.votes.cast(vote({ id: 'top_missing' }, 'hh1', 'a'))).toEqual({ ok: false, reason: 'no_topic' });
      expect(await store.votes.ofHousehold('top_missing', 'hh1')).toBeNull();
      // Decided after a vote: the vote stays counted, a change is refused.
      const v = vote(x, 'hh1', 'a');
      await store.votes.cast(v);
      await store.topics.update({ ...x, status: 'decided', decision, version: 2 }, 1);
      expect(await store.votes.cast(vote(x, 'hh1', 'b', { at: 26_000 }))).toEqual({ ok: false, reason: 'closed' });
      expect(await store.votes.tally(x.id)).toEqual({ counts: { a: 1 }, voted: 1 });
    });

    it('RACE: of 50 votes one household sends at once, one is counted, its option one of those sent', async () => {
      const sent = Array.from({ length: 50 }, (_, i) => vote(x, 'hh_race', ['a', 'b'][i % 2], { personId: `per_${i}`, at: 21_000 + i }));
      const results = await Promise.all(sent.map((v) => store.votes.cast(v)));
      expect(results.every((r) => r.ok)).toBe(true);
      const tally = await store.votes.tally(x.id);
      expect(tally.voted).toBe(1);
      const stored = await store.votes.ofHousehold(x.id, 'hh_race');
      expect(['a', 'b']).toContain(stored!.optionId);
      expect(tally.counts).toEqual({ [stored!.optionId]: 1 });
      // The one standing is one of those sent, with as many changes as the answers said.
      const from = sent.find((v) => v.personId === stored!.personId)!;
      expect(stored).toMatchObject({ optionId: from.optionId, at: from.at });
      expect(stored!.changes).toBe(results.filter((r) => r.ok && r.changed).length);
      expect(results.filter((r) => r.ok && !r.changed && r.vote.changes === 0).length).toBeGreaterThanOrEqual(1);
    }, 60_000);

    it('RACE: of 20 households voting while the topic is withdrawn, each vote is either written and counted or refused with nothing written', async () => {
      const sent = Array.from({ length: 20 }, (_, i) => vote(x, `hh_w${String(i).padStart(2, '0')}`, 'a', { at: 21_000 + i }));
      const [withdrawn, ...results] = await Promise.all([
        store.topics.update({ ...x, status: 'withdrawn', withdrawnReason: '撤回', version: 2 }, 1),
        ...sent.map((v) => store.votes.cast(v)),
      ]);
      expect(withdrawn?.status).toBe('withdrawn');
      for (const [i, r] of results.entries()) {
        expect(r).toEqual(r.ok ? { ok: true, vote: sent[i], changed: false } : { ok: false, reason: 'closed' });
        expect(await store.votes.ofHousehold(x.id, sent[i].householdKey)).toEqual(r.ok ? sent[i] : null);
      }
      expect((await store.votes.tally(x.id)).voted).toBe(results.filter((r) => r.ok).length);
      // Once it is withdrawn, nothing more lands.
      expect(await store.votes.cast(vote(x, 'hh_late', 'a'))).toEqual({ ok: false, reason: 'closed' });
    }, 60_000);

    it('RACE: 50 households voting at once are 50 votes', async () => {
      const sent = Array.from({ length: 50 }, (_, i) => vote(x, `hh_${String(i).padStart(2, '0')}`, i < 30 ? 'a' : 'b', { at: 21_000 + i }));
      const results = await Promise.all(sent.map((v) => store.votes.cast(v)));
      expect(results).toEqual(sent.map((v) => ({ ok: true, vote: v, changed: false })));
      expect(await store.votes.tally(x.id)).toEqual({ counts: { a: 30, b: 20 }, voted: 50 });
      expect((await store.votes.votedCounts([x.id])).get(x.id)).toBe(50);
    }, 60_000);

    it('counts the households that voted per topic, lists a person\'s votes newest first, and reassigns them when they leave', async () => {
      const y = topic(t.a1, { id: 'top_y' });
      const z = topic(t.a1, { id: 'top_z' });
      await store.topics.insert(y);
      await store.topics.insert(z);
      const mine = [vote(x, 'hh1', 'a', { personId: 'per_wang', at: 21_000 }), vote(y, 'hh1', 'b', { personId: 'per_wang', at: 22_000 })];
      const theirs = [vote(x, 'hh2', 'a', { personId: 'per_li' }), vote(x, 'hh3', 'b', { personId: 'per_zhao' })];
      for (const v of [...mine, ...theirs]) expect((await store.votes.cast(v)).ok).toBe(true);
      const counts = await store.votes.votedCounts([x.id, y.id, z.id, x.id]);
      expect(counts.get(x.id)).toBe(3);
      expect(counts.get(y.id)).toBe(1);
      expect(counts.has(z.id)).toBe(false);
      expect(await store.votes.votedCounts([])).toEqual(new Map());
      expect(await store.votes.tally(z.id)).toEqual({ counts: {}, voted: 0 });
      expect(await store.votes.castBy('per_wang')).toEqual([mine[1], mine[0]]);
      expect(await store.votes.reassign('per_wang', 'left')).toBe(2);
      expect(await store.votes.castBy('per_wang')).toEqual([]);
      expect(await store.votes.castBy('left')).toEqual([{ ...mine[1], personId: 'left' }, { ...mine[0], personId: 'left' }]);
      // Still counted for the household.
      expect(await store.votes.tally(x.id)).toEqual({ counts: { a: 2, b: 1 }, voted: 3 });
      expect(await store.votes.reassign('per_nobody', 'left')).toBe(0);
    });
  });
}
