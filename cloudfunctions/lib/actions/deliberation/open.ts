/**
 * Opening a topic (发起议题): a building lead for their building, a compound's branch secretary for
 * the compound and its buildings, staff anywhere in their community (mayOpenTopic). Optionally from a
 * report the opener may see (a recurring or disputed problem), which the topic names. A retried open
 * (same clientRequestId) is the same topic and tells nobody twice. Editing changes what it says until
 * the first opinion or vote (TOPIC.STARTED after).
 */
import { DomainError, mayOpenTopic, opensTopics, type Report, type Topic, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { mayView } from '../reports/access';
import { topicContent } from './content';
import { openedNotices, tell, topicPeople } from './notices';
import { atVersion, communityOf, loadTopic, saveTopic, topicUnit } from './scope';
import { topicView } from './views';

const NOT_AN_OPENER = '议题由楼栋长、小区党支部书记和社区工作人员发起；您可以在议题里发表意见、投票';

/** The unit the caller opens a topic for: a building, compound or community in their charge. */
async function openedFor(ctx: AuthedContext, unitId: string): Promise<Unit> {
  if (!opensTopics(ctx.caller.bindings)) throw new DomainError('AUTH.FORBIDDEN', NOT_AN_OPENER);
  const unit = await topicUnit(ctx.deps, unitId);
  if (!mayOpenTopic(ctx.caller.bindings, unit)) throw new DomainError('TOPIC.BAD_UNIT', `${unit.name} 不在您负责的范围内：只能为自己负责的楼栋、小区或社区发起议题`, 'unitId');
  return unit;
}

/** The report the topic comes from: one the caller may see, on the same line of the tree as the unit. */
async function fromReport(ctx: AuthedContext, reportId: string, unit: Unit): Promise<Report> {
  const r = await ctx.deps.store.reports.get(reportId);
  if (!r || !mayView(ctx.caller, r)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'reportId');
  if (!r.unitPath.startsWith(unit.path) && !unit.path.startsWith(r.unitPath))
    throw new DomainError('TOPIC.BAD_UNIT', `这条反映不在${unit.name}：议题要发给反映所在的楼栋、小区或社区`, 'unitId');
  return r;
}

/** A place's name as its people read it in a notice: "幸福里小区 3号楼". */
async function placeName(ctx: AuthedContext, unit: Unit): Promise<string> {
  if (unit.kind !== 'building') return unit.name;
  const parent = unit.parentId ? await ctx.deps.store.units.get(unit.parentId) : null;
  return parent && parent.kind === 'compound' ? `${parent.name}${unit.name}` : unit.name;
}

export const open: FunctionDef = {
  open: personAction(schemas.deliberation.open, async (ctx, input) => {
    const { deps, caller } = ctx;
    const now = deps.clock.now();
    const unit = await openedFor(ctx, input.unitId);
    const content = topicContent(input, now);
    const report = input.reportId ? await fromReport(ctx, input.reportId, unit) : null;
    const community = await communityOf(deps, unit);
    if (!community) throw new DomainError('TOPIC.BAD_UNIT', undefined, 'unitId');
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const t: Topic = {
      id: deps.ids.next('top'),
      communityId: community.id,
      unitId: unit.id,
      unitPath: unit.path,
      unitKind: unit.kind as Topic['unitKind'],
      ...content,
      photos,
      reportId: report?.id ?? null,
      status: 'open',
      decision: null,
      withdrawnReason: null,
      openedBy: caller.person.id,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const { topic, created } = await deps.store.topics.insert(t);
    if (created) {
      await audit(ctx, 'deliberation.open', 'topic', topic.id, { unitId: unit.id, options: topic.options.length, reportId: topic.reportId }, topic.unitPath);
      await tell(deps, openedNotices(topic, await topicPeople(deps, topic, caller.person.id), await placeName(ctx, unit), now), topic);
    }
    return { topic: await topicView(ctx, topic), created };
  }),

  edit: personAction(schemas.deliberation.edit, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { topic, reader } = await loadTopic(ctx, input.id);
    if (!reader.decides) throw new DomainError('AUTH.FORBIDDEN', '只有发起人和管理这个议题的工作人员可以修改它');
    atVersion(topic, input.version);
    if (topic.status !== 'open') throw new DomainError('TOPIC.NOT_ALLOWED', undefined, 'id');
    const [opinions, tally] = await Promise.all([deps.store.topics.opinions(topic.id), deps.store.votes.tally(topic.id)]);
    if (opinions.length > 0 || tally.voted > 0) throw new DomainError('TOPIC.STARTED');
    const now = deps.clock.now();
    const content = topicContent(input, now);
    // Photos already on the topic stay as kept; new ones are accepted like an open's.
    // A page sends back what it was shown: the reference, or the address it loaded.
    const kept = new Map(topic.photos.flatMap((ref) => [[ref, ref] as const, [deps.photos.url(ref), ref] as const]));
    const fresh = await deps.photos.accept((input.photos ?? []).filter((p) => !kept.has(p)), caller.person.id);
    let f = 0;
    const photos = (input.photos ?? []).map((p) => kept.get(p) ?? fresh[f++]);
    const saved = await saveTopic(deps, { ...topic, ...content, photos, updatedAt: now, version: topic.version + 1 }, topic.version);
    await audit(ctx, 'deliberation.edit', 'topic', topic.id, { options: saved.options.length }, topic.unitPath);
    return topicView(ctx, saved);
  }),
};
