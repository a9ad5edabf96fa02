/**
 * A topic for a whole community tells thousands: past TELL_NOW_MAX people the action does not tell
 * them itself (it would pass the function's timeout) but enqueues fan-outs, once however often it is
 * retried, and the timer's sendNoticeFanouts tells every one of them once — run twice at once, stopped
 * by its budget and continued, or after a run that died holding one.
 */
import type { Outputs } from '../../src/core';
import { FANOUT_MAX } from '../../cloudfunctions/lib/actions/deliberation/notices';
import { FANOUT_LEASE_MS, sendNoticeFanouts } from '../../cloudfunctions/lib/jobs/notice-fanouts';
import type { NoticeFanout } from '../../cloudfunctions/lib/store/port';
import { data, harness, type Harness } from '../support/harness';

const DAY = 24 * 3600_000;
const dayAfter = (h: Harness, days: number) => new Date(h.clock.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

/** Enough residents in 阳光社区 for two fan-outs (FANOUT_MAX people each). */
const RESIDENTS = 6_000;

let h: Harness;
beforeAll(async () => {
  h = await harness({ residents: RESIDENTS });
}, 120_000);
afterAll(() => h.close());

let requests = 0;
async function openCommunityTopic(clientRequestId = `fanout-req-${++requests}`) {
  const community = await h.unitNamed('阳光社区');
  const input = {
    clientRequestId,
    unitId: community.id,
    title: '社区老年食堂开在哪里',
    background: '社区准备开一个老年食堂，请大家说说意见。',
    options: [],
    audience: 'residents',
    parties: ['社区居委会'],
    opinionsUntil: dayAfter(h, 7),
    voteFrom: null,
    voteUntil: null,
  };
  return data(await h.call<Outputs['deliberation']['open']>('deliberation', 'open', input, await h.as('shequ')));
}

/** The topic's fan-outs, in order. */
async function fanoutsOf(topicId: string, kind = 'topic.opened'): Promise<NoticeFanout[]> {
  const out: NoticeFanout[] = [];
  for (let i = 1; ; i++) {
    const f = await h.store.noticeFanouts.get(`${kind}:${topicId}${i === 1 ? '' : `#${i}`}`);
    if (!f) return out;
    out.push(f);
  }
}

/** How many messages of a kind (topic.opened) about the topic each person has. */
async function toldCounts(topicId: string, people: readonly string[], kind = 'topic.opened'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of people) {
    const mine = (await h.store.messages.listForPerson(id, 1000)).filter((m) => m.kind === kind && m.page?.endsWith(topicId));
    counts.set(id, mine.length);
  }
  return counts;
}

const everyoneOnce = (counts: Map<string, number>) => [...counts.values()].every((n) => n === 1);

describe('telling a community-wide topic', () => {
  it('enqueues its notices once, even retried, and the timer run twice at once tells each person once', async () => {
    const opened = await openCommunityTopic('fanout-once');
    const fanouts = await fanoutsOf(opened.topic.id);
    const people = fanouts.flatMap((f) => f.personIds);
    expect(people.length).toBeGreaterThan(FANOUT_MAX);
    expect(fanouts).toHaveLength(Math.ceil(people.length / FANOUT_MAX));
    expect(new Set(people).size).toBe(people.length);
    expect(fanouts[0]).toMatchObject({ kind: 'topic.opened', title: '有新的议题请您参与', next: 0, doneAt: null, page: expect.stringContaining(opened.topic.id) });
    expect(fanouts[0].body).toContain('社区老年食堂开在哪里');
    // Nobody is told inside the action.
    expect([...(await toldCounts(opened.topic.id, people.slice(0, 20))).values()]).toEqual(Array(20).fill(0));
    // A retried open is the same topic and enqueues nothing more.
    expect(await openCommunityTopic('fanout-once')).toMatchObject({ created: false, topic: { id: opened.topic.id } });
    expect(await h.store.noticeFanouts.backlog()).toEqual({ fanouts: fanouts.length, people: people.length, oldestAt: h.clock.now() });

    const started = performance.now();
    const [a, b] = await Promise.all([sendNoticeFanouts(h.deps), sendNoticeFanouts(h.deps)]);
    const ms = performance.now() - started;
    process.stdout.write(`sendNoticeFanouts: ${people.length} notices in ${Math.round(ms)} ms on SQLite (two runs at once)\n`);
    expect(a.told + b.told).toBe(people.length);
    expect(a.finished + b.finished).toBe(fanouts.length);
    expect([a.more, b.more]).toEqual([false, false]);
    expect(everyoneOnce(await toldCounts(opened.topic.id, people))).toBe(true);
    expect(await h.store.noticeFanouts.backlog()).toEqual({ fanouts: 0, people: 0, oldestAt: null });
    expect(await sendNoticeFanouts(h.deps)).toEqual({ told: 0, finished: 0, more: false });
  }, 120_000);

  it('stops at its deadline with the cursor stored, and the next run goes on from it', async () => {
    const opened = await openCommunityTopic();
    const people = (await fanoutsOf(opened.topic.id)).flatMap((f) => f.personIds);
    // A clock that moves a second at every look: a 3-second budget sends a chunk or two.
    let t = 0;
    const first = await sendNoticeFanouts(h.deps, { now: () => (t += 1_000), deadline: 3_000 }, 50);
    expect(first.more).toBe(true);
    expect(first.told).toBeGreaterThan(0);
    expect(first.told).toBeLessThan(people.length);
    const [f] = await fanoutsOf(opened.topic.id);
    // Let go at the deadline: the next run needs no lease to pass.
    expect(f).toMatchObject({ next: first.told, claimedUntil: 0, doneAt: null });
    const rest = await sendNoticeFanouts(h.deps);
    expect(first.told + rest.told).toBe(people.length);
    expect(everyoneOnce(await toldCounts(opened.topic.id, people))).toBe(true);
  }, 120_000);

  it('leaves a fan-out held by a run that died until its lease passes, then tells the rest once', async () => {
    const opened = await openCommunityTopic();
    const people = (await fanoutsOf(opened.topic.id)).flatMap((f) => f.personIds);
    const now = h.clock.now();
    // A run took the first fan-out and died before telling anyone.
    const dead = (await h.store.noticeFanouts.claim(now, now + FANOUT_LEASE_MS))!;
    expect(dead.id).toBe(`topic.opened:${opened.topic.id}`);
    const meanwhile = await sendNoticeFanouts(h.deps);
    expect(meanwhile.told).toBe(people.length - dead.personIds.length);
    expect(await h.store.noticeFanouts.get(dead.id)).toMatchObject({ next: 0, doneAt: null });
    h.clock.set(now + FANOUT_LEASE_MS);
    expect(await sendNoticeFanouts(h.deps)).toMatchObject({ told: dead.personIds.length, finished: 1 });
    // The dead run cannot move what it no longer holds.
    expect(await h.store.noticeFanouts.advance(dead, 50, h.clock.now(), null)).toBeNull();
    expect(everyoneOnce(await toldCounts(opened.topic.id, people))).toBe(true);
  }, 120_000);

  it('enqueues the decision for the whole community too, and the timer tells each person once', async () => {
    const { topic } = await openCommunityTopic();
    await sendNoticeFanouts(h.deps);
    const decision = { id: topic.id, version: topic.version, decidedBy: 'residents_meeting', optionId: null, text: '老年食堂开在社区服务中心一楼。', minutes: '居民会议同意。', meetingDay: dayAfter(h, 0), attendees: '居民代表 30 人' };
    data(await h.call('deliberation', 'decide', decision, await h.as('shequ')));
    const fanouts = await fanoutsOf(topic.id, 'topic.decided');
    const people = fanouts.flatMap((f) => f.personIds);
    expect(people.length).toBeGreaterThan(FANOUT_MAX);
    expect(fanouts[0]).toMatchObject({ title: '议题已有决定', next: 0 });
    const [a, b] = await Promise.all([sendNoticeFanouts(h.deps, undefined, 20), sendNoticeFanouts(h.deps, undefined, 20)]);
    expect(a.told + b.told).toBe(people.length);
    expect(everyoneOnce(await toldCounts(topic.id, people, 'topic.decided'))).toBe(true);
  }, 120_000);

  it('tells a building’s few people (TELL_NOW_MAX at most) inside the action, with nothing enqueued', async () => {
    const building = await h.unitNamed('1号楼', '幸福里小区');
    const before = await h.store.noticeFanouts.backlog();
    const r = data(
      await h.call<Outputs['deliberation']['open']>(
        'deliberation',
        'open',
        { clientRequestId: 'fanout-small', unitId: building.id, title: '楼道灯坏了怎么修', background: '请大家说说。', options: [], audience: 'residents', parties: [], opinionsUntil: dayAfter(h, 7), voteFrom: null, voteUntil: null },
        await h.as('shequ'),
      ),
    );
    expect(await h.store.noticeFanouts.get(`topic.opened:${r.topic.id}`)).toBeNull();
    expect(await h.store.noticeFanouts.backlog()).toEqual(before);
    const jumin = (await h.store.people.findByUsername('jumin'))!;
    expect((await h.store.messages.listForPerson(jumin.id, 1000)).filter((m) => m.kind === 'topic.opened' && m.page?.endsWith(r.topic.id))).toHaveLength(1);
  });
});
