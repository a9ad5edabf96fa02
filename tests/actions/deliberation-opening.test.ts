/**
 * Opening a topic (发起议题): who may open one and for which unit; what it must say (days from today
 * within 90, the vote's last day not before its first, 2–8 different options or none for an open
 * question); a retried open is the same topic, told once; a topic from a report names it for those who
 * may see it; editing until the first opinion. Every refusal writes nothing.
 */
import type { TopicView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { png } from '../support/images';
import { dayAfter, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());

describe('who opens a topic, for which unit', () => {
  it('lets the branch secretary open one for the compound, told to its households, and shows the opener what they may do', async () => {
    const r = data(await k.open(k.topic()));
    expect(r.created).toBe(true);
    expect(r.topic).toMatchObject({
      title: '电动车充电桩装在哪里',
      unit: { id: k.compound.id, kind: 'compound' },
      trail: '阳光社区 幸福里小区',
      status: 'open',
      phase: 'voting',
      phaseLabel: '投票中',
      hasVote: true,
      options: [
        { id: 'a', label: '东门停车棚', count: 0, percent: 0 },
        { id: 'b', label: '地下车库入口旁', count: 0, percent: 0 },
        { id: 'c', label: '3号楼和4号楼之间', count: 0, percent: 0 },
      ],
      turnout: { voted: 0, households: 3, percent: 0 },
      parties: ['幸福里物业', '业主委员会'],
      openedBy: { id: k.secretary.id, name: '刘芳' },
      report: null,
      can: { vote: false, say: true, edit: true, decide: false, withdraw: true, moderate: true },
    });
    // The vote runs from the start of today to the end of its last day, China time.
    expect(r.topic.voteOpensAt).toBe(Date.parse(`${dayAfter(0)}T00:00:00+08:00`));
    expect(r.topic.voteClosesAt).toBe(Date.parse(`${dayAfter(3)}T23:59:59.999+08:00`));
    for (const who of [k.wife, k.husband, k.neighbour, k.upstairs]) expect((await k.messagesOf(who)).filter((m) => m.kind === 'topic.opened').map((m) => m.page)).toEqual([`deliberation/topic/index?id=${r.topic.id}`]);
    expect((await k.messagesOf(k.gardener)).some((m) => m.kind === 'topic.opened')).toBe(false);
    expect((await k.messagesOf(k.secretary)).some((m) => m.kind === 'topic.opened')).toBe(false);
    const told = (await k.messagesOf(k.wife)).find((m) => m.kind === 'topic.opened')!;
    expect(told.body).toContain('幸福里小区有一个新议题');
  });

  it('lets a building lead open one for their building only, told to that building alone', async () => {
    const t = await k.opened(k.question(), k.lead);
    expect(t).toMatchObject({ unit: { id: k.building.id }, hasVote: false, phase: 'opinions', options: [], voteOpensAt: null, voteClosesAt: null });
    expect((await k.messagesOf(k.neighbour)).filter((m) => m.kind === 'topic.opened' && m.page?.endsWith(t.id))).toHaveLength(1);
    expect((await k.messagesOf(k.upstairs)).some((m) => m.kind === 'topic.opened' && m.page?.endsWith(t.id))).toBe(false);
    const r = await k.writesNothing(() => k.open(k.question({ unitId: k.otherBuilding.id }), k.lead));
    expectFailure(r, 'TOPIC.BAD_UNIT', 'unitId');
  });

  it('lets staff open one for the whole community, members told when the audience includes them', async () => {
    const t = await k.opened(k.topic({ unitId: k.community.id, audience: 'residents_and_members' }), k.staff);
    expect(t.unit).toMatchObject({ kind: 'community' });
    expect((await k.messagesOf(k.gardener)).some((m) => m.page?.endsWith(t.id))).toBe(true);
    expect((await k.messagesOf(k.member)).some((m) => m.page?.endsWith(t.id))).toBe(true);
    expect((await k.messagesOf(k.farResident)).some((m) => m.page?.endsWith(t.id))).toBe(false);
  });

  it('refuses a resident, a member, and a unit outside the opener’s charge or of the wrong kind', async () => {
    expectFailure(await k.writesNothing(() => k.open(k.topic(), k.wife)), 'AUTH.FORBIDDEN');
    expectFailure(await k.writesNothing(() => k.open(k.topic(), k.member)), 'AUTH.FORBIDDEN');
    expectFailure(await k.writesNothing(() => k.open(k.topic({ unitId: k.garden.id }), k.secretary)), 'TOPIC.BAD_UNIT', 'unitId');
    expectFailure(await k.writesNothing(() => k.open(k.topic({ unitId: k.farBuilding.id }), k.staff)), 'TOPIC.BAD_UNIT', 'unitId');
    const street = await k.h.unitNamed('幸福街道');
    expectFailure(await k.writesNothing(() => k.open(k.topic({ unitId: street.id }), k.staff)), 'TOPIC.BAD_UNIT', 'unitId');
    expectFailure(await k.writesNothing(() => k.open(k.topic({ unitId: 'uni_nowhere' }), k.staff)), 'TOPIC.BAD_UNIT', 'unitId');
  });
});

describe('what a topic must say', () => {
  it.each([
    ['an opinions’ day already past', { opinionsUntil: dayAfter(-1) }, 'TOPIC.BAD_DATES', 'opinionsUntil'],
    ['a vote beyond 90 days', { voteUntil: dayAfter(91) }, 'TOPIC.BAD_DATES', 'voteUntil'],
    ['a vote starting yesterday', { voteFrom: dayAfter(-1) }, 'TOPIC.BAD_DATES', 'voteFrom'],
    ['a vote ending before it starts', { voteFrom: dayAfter(5), voteUntil: dayAfter(4) }, 'TOPIC.BAD_DATES', 'voteUntil'],
    ['a day that does not exist', { voteUntil: '2027-02-30' }, 'TOPIC.BAD_DATES', 'voteUntil'],
    ['options without vote days', { voteFrom: null, voteUntil: null }, 'TOPIC.BAD_DATES', 'voteFrom'],
    ['one option only', { options: ['同意'] }, 'TOPIC.BAD_OPTIONS', 'options'],
    ['the same option twice', { options: ['同意', '同意'] }, 'TOPIC.BAD_OPTIONS', 'options'],
    ['vote days on an open question', { options: [] }, 'TOPIC.BAD_OPTIONS', 'options'],
    ['nine options', { options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }, 'INPUT.INVALID', 'options'],
    ['a date written another way', { opinionsUntil: '2026/12/01' }, 'INPUT.INVALID', 'opinionsUntil'],
  ])('refuses %s, writing nothing', async (_what, extra, code, field) => {
    expectFailure(await k.writesNothing(() => k.open(k.topic(extra))), code, field);
  });
});

describe('retries, reports and edits', () => {
  it('answers a retried open with the same topic, written and told once', async () => {
    const input = k.topic({ title: '小区东门要不要装道闸' });
    const first = data(await k.open(input));
    const told = (await k.messagesOf(k.wife)).length;
    const again = data(await k.open(input));
    expect(again).toMatchObject({ created: false, topic: { id: first.topic.id } });
    expect((await k.messagesOf(k.wife)).length).toBe(told);
    expect((await k.h.store.topics.list({ underPath: '/' }, 1000, 0)).topics.filter((t) => t.title === '小区东门要不要装道闸')).toHaveLength(1);
  });

  it('opens a topic from a report the opener may see, named on the topic for those who may see the report only', async () => {
    const report = data(
      await k.h.call<{ report: { id: string } }>('reports', 'create', { clientRequestId: 'topic-report-1', unitId: k.building.id, category: 'noise', description: '楼上晚上十一点以后还在跳绳，已经说过好几次' }, k.wife.cred),
    ).report;
    const t = await k.opened(k.topic({ unitId: k.building.id, reportId: report.id }), k.lead);
    expect(t.report).toEqual({ id: report.id, title: '楼上晚上十一点以后还在跳绳，已经说过好几次' });
    expect((await k.h.store.topics.forReport(report.id)).map((x) => x.id)).toEqual([t.id]);
    // The reporter sees her report named; a neighbour of the building, who may not see it, does not.
    expect(data(await k.detail(t.id, k.wife)).report).toMatchObject({ id: report.id });
    expect(data(await k.detail(t.id, k.neighbour)).report).toBeNull();
    // A report the opener may not see is as unknown as one that does not exist.
    const far = data(await k.h.call<{ report: { id: string } }>('reports', 'create', { clientRequestId: 'topic-report-2', unitId: k.farBuilding.id, category: 'noise', description: '隔壁天天装修，电钻声很吵' }, k.farResident.cred)).report;
    expectFailure(await k.writesNothing(() => k.open(k.topic({ reportId: far.id }))), 'REPORT.NOT_FOUND', 'reportId');
  });

  it('keeps the opener’s uploaded photos and shows them as addresses the page loads; another’s photo is as unknown as none', async () => {
    const photo = await k.h.deps.photos.put(await png(), k.secretary.id);
    const t = await k.opened(k.topic({ title: '东门停车棚现在的样子', photos: [photo.id] }));
    expect(t.photos).toEqual([photo.url]);
    const theirs = await k.h.deps.photos.put(await png(), k.wife.id);
    expectFailure(await k.writesNothing(() => k.open(k.topic({ photos: [theirs.id] }))), 'PHOTO.NOT_FOUND');
  });

  it('edits what a topic says until the first opinion, then refuses with TOPIC.STARTED', async () => {
    const t = await k.opened(k.topic({ title: '要不要在小区里设共享书架' }));
    const input = k.topic({ title: '要不要在小区门口设共享书架', options: ['设', '不设'] });
    const { clientRequestId: _c, unitId: _u, ...fields } = input;
    const edited = data(await k.call<TopicView>('edit', { id: t.id, version: t.version, ...fields }, k.secretary));
    expect(edited).toMatchObject({ title: '要不要在小区门口设共享书架', options: [{ label: '设' }, { label: '不设' }], version: t.version + 1 });
    expectFailure(await k.call('edit', { id: t.id, version: t.version, ...fields }, k.secretary), 'CONFLICT.VERSION');
    expectFailure(await k.call('edit', { id: t.id, version: edited.version, ...fields }, k.wife), 'AUTH.FORBIDDEN');
    data(await k.say(t.id, '我觉得设在门口好', k.wife));
    expectFailure(await k.writesNothing(() => k.call('edit', { id: t.id, version: edited.version, ...fields }, k.secretary)), 'TOPIC.STARTED');
  });
});
