/**
 * Notice fan-outs (the outbox the timer sends): enqueued once per cause, claimed by one run at a
 * time under a lease, and moved only by the run that holds the version it read.
 */
import type { NoticeFanout, Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';

export function noticeFanoutsContract(ctx: ContractContext) {
  describe('notice fan-outs', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });
    const fanout = (id: string, people: number, createdAt = 1_000): NoticeFanout => ({
      id,
      kind: 'topic.opened',
      title: '有新的议题请您参与',
      body: '幸福里小区有一个新议题',
      page: '/deliberation/topic/index?id=top_1',
      fields: { topic: '加装电梯', status: '新议题', note: '每户投一票' },
      personIds: Array.from({ length: people }, (_, i) => `per_${id.replace(/\W/g, '')}_${i}`),
      next: 0,
      claimedUntil: 0,
      version: 1,
      createdAt,
      doneAt: null,
    });

    it('enqueues a fan-out once whatever 20 racing enqueues of its id do', async () => {
      const f = fanout('topic.opened:top_1', 120);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.noticeFanouts.enqueue(f)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      for (const r of results) expect(r.fanout).toEqual(f);
      expect(await store.noticeFanouts.get(f.id)).toEqual(f);
      expect(await store.noticeFanouts.get('topic.opened:nothing')).toBeNull();
      expect(await store.noticeFanouts.backlog()).toEqual({ fanouts: 1, people: 120, oldestAt: 1_000 });
    }, 60_000);

    it('claims the oldest not done first, and a fan-out held is not claimed again until its lease passes', async () => {
      await store.noticeFanouts.enqueue(fanout('b', 3, 2_000));
      await store.noticeFanouts.enqueue(fanout('a', 3, 1_000));
      const first = await store.noticeFanouts.claim(5_000, 9_000);
      expect(first).toMatchObject({ id: 'a', claimedUntil: 9_000, version: 2, next: 0 });
      expect(first!.personIds).toHaveLength(3);
      expect(await store.noticeFanouts.claim(5_000, 9_000)).toMatchObject({ id: 'b', version: 2 });
      expect(await store.noticeFanouts.claim(8_999, 12_000)).toBeNull();
      // The lease past its time: another run takes it, and the first run's version is stale.
      const again = await store.noticeFanouts.claim(9_000, 13_000);
      expect(again).toMatchObject({ id: 'a', claimedUntil: 13_000, version: 3 });
      expect(await store.noticeFanouts.advance(first!, 2, 9_100, 13_000)).toBeNull();
      expect(await store.noticeFanouts.get('a')).toMatchObject({ next: 0, version: 3 });
    });

    it('gives a fan-out to one of two runs claiming at once', async () => {
      await store.noticeFanouts.enqueue(fanout('only', 10));
      const [x, y] = await Promise.all([store.noticeFanouts.claim(5_000, 9_000), store.noticeFanouts.claim(5_000, 9_000)]);
      expect([x, y].filter((c) => c !== null)).toEqual([expect.objectContaining({ id: 'only', version: 2 })]);
    });

    it('moves the cursor at the version held, keeps or lets go of the lease, and finishes after the last person', async () => {
      await store.noticeFanouts.enqueue(fanout('f', 5));
      const held = (await store.noticeFanouts.claim(5_000, 9_000))!;
      const moved = await store.noticeFanouts.advance(held, 2, 5_100, 9_000);
      expect(moved).toMatchObject({ next: 2, claimedUntil: 9_000, version: held.version + 1, doneAt: null });
      expect(await store.noticeFanouts.get('f')).toEqual(moved);
      // Advancing from a version no longer stored is refused and writes nothing.
      expect(await store.noticeFanouts.advance(held, 3, 5_200, 9_000)).toBeNull();
      expect(await store.noticeFanouts.claim(6_000, 9_000)).toBeNull();
      // Let go (a run out of time): the next run claims it at once and goes on from the cursor.
      const released = (await store.noticeFanouts.advance(moved!, 3, 5_300, null))!;
      expect(released).toMatchObject({ next: 3, claimedUntil: 0 });
      expect(await store.noticeFanouts.backlog()).toEqual({ fanouts: 1, people: 2, oldestAt: 1_000 });
      const next = (await store.noticeFanouts.claim(6_000, 10_000))!;
      expect(next).toMatchObject({ id: 'f', next: 3 });
      const done = await store.noticeFanouts.advance(next, 5, 6_100, 10_000);
      expect(done).toMatchObject({ next: 5, doneAt: 6_100, claimedUntil: 0 });
      expect(await store.noticeFanouts.get('f')).toEqual(done);
      // Done: never claimed again, out of the backlog, and not moved again.
      expect(await store.noticeFanouts.claim(50_000, 60_000)).toBeNull();
      expect(await store.noticeFanouts.backlog()).toEqual({ fanouts: 0, people: 0, oldestAt: null });
      expect(await store.noticeFanouts.advance(done!, 5, 6_200, null)).toBeNull();
    });

    it('purges the fan-outs done before a time, and none still being sent', async () => {
      for (const [i, id] of ['old', 'recent', 'open'].entries()) await store.noticeFanouts.enqueue(fanout(id, 1, 100 + i));
      for (const [id, at] of [['old', 1_000], ['recent', 5_000]] as const) {
        const held = await store.noticeFanouts.claim(at, at + 100);
        expect(held?.id).toBe(id);
        await store.noticeFanouts.advance(held!, 1, at, null);
      }
      expect(await store.noticeFanouts.purgeDone(2_000)).toBe(1);
      expect(await store.noticeFanouts.get('old')).toBeNull();
      expect(await store.noticeFanouts.get('recent')).toMatchObject({ doneAt: 5_000 });
      expect(await store.noticeFanouts.get('open')).toMatchObject({ doneAt: null });
      expect(await store.noticeFanouts.purgeDone(2_000)).toBe(0);
    });
  });
}
