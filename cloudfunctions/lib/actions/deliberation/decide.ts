/**
 * Recording the decision and minutes (决定和会议纪要) — reached by the vote, at 逢三说事, a joint
 * meeting or a residents' meeting — or withdrawing a topic. Both are for its opener and staff or the
 * branch secretary over it (mayDecide). A decision of a compound's topic may adopt a new version of
 * the compound's rules (公约) in the same act, on the version the caller read (RULES.VERSION_MOVED
 * otherwise). The people of the unit are told of the decision.
 */
import {
  DomainError,
  compoundRulesId,
  dayKey,
  dayStart,
  topicTransition,
  type CompoundRules,
  type Topic,
  type TopicDecision,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { decidedNotices, tell, topicPeople } from './notices';
import { atVersion, loadTopic, saveTopic, whyNotDecide } from './scope';
import { topicView } from './views';

const NOT_A_DECIDER = '只有议题的发起人、社区工作人员和小区党支部书记可以记录决定或撤回议题';

/** The topic, for one who decides it, at the version they read. */
async function decidable(ctx: AuthedContext, id: string, version: number): Promise<Topic> {
  const { topic, reader } = await loadTopic(ctx, id);
  if (!reader.decides) throw new DomainError('AUTH.FORBIDDEN', NOT_A_DECIDER);
  atVersion(topic, version);
  return topic;
}

type RulesInput = { text: string; note: string; expectedVersion: number };

/** The compound's rules refused before anything is written: not a compound's topic, or not on the version read. */
async function checkRules(ctx: AuthedContext, t: Topic, rules: RulesInput): Promise<void> {
  if (t.unitKind !== 'compound') throw new DomainError('RULES.NOT_COMPOUND', undefined, 'rules');
  const current = await ctx.deps.store.compoundRules.current(t.unitId);
  if ((current?.version ?? 0) !== rules.expectedVersion) throw new DomainError('RULES.VERSION_MOVED', undefined, 'rules.expectedVersion');
}

/** Adopts the new version naming the topic; RULES.VERSION_MOVED when another was adopted meanwhile. */
export async function adopt(ctx: AuthedContext, compound: { id: string; communityId: string }, rules: RulesInput, topicId: string | null): Promise<CompoundRules> {
  const { deps, caller } = ctx;
  const version = rules.expectedVersion + 1;
  const r: CompoundRules = {
    id: compoundRulesId(compound.id, version),
    compoundId: compound.id,
    communityId: compound.communityId,
    version,
    text: rules.text,
    topicId,
    note: rules.note,
    adoptedBy: caller.person.id,
    adoptedAt: deps.clock.now(),
  };
  const adopted = await deps.store.compoundRules.adopt(r, rules.expectedVersion);
  if (!adopted) throw new DomainError('RULES.VERSION_MOVED', undefined, 'rules.expectedVersion');
  return adopted;
}

export const decide: FunctionDef = {
  decide: personAction(schemas.deliberation.decide, async (ctx, input) => {
    const { deps, caller } = ctx;
    const topic = await decidable(ctx, input.id, input.version);
    const now = deps.clock.now();
    const why = whyNotDecide(topic, now);
    if (why) throw new DomainError('TOPIC.NOT_ALLOWED', why, 'id');
    const status = topicTransition(topic.status, 'decide')!;
    if (input.decidedBy === 'vote' && topic.options.length === 0) throw new DomainError('TOPIC.NO_VOTE', '这个议题只征求意见，没有投票：请选择在什么会议上决定的', 'decidedBy');
    const optionId = input.optionId ?? null;
    if (optionId !== null && !topic.options.some((o) => o.id === optionId)) throw new DomainError('TOPIC.BAD_OPTION', undefined, 'optionId');
    if (dayKey(dayStart(input.meetingDay)) !== input.meetingDay || input.meetingDay > dayKey(now))
      throw new DomainError('TOPIC.BAD_DATES', '会议日期不对：请选今天或以前开会的那一天', 'meetingDay');
    const rules = input.rules ?? null;
    if (rules) await checkRules(ctx, topic, rules);

    // The rules first: a version moved meanwhile refuses the whole decision before the topic changes.
    const adopted = rules ? await adopt(ctx, { id: topic.unitId, communityId: topic.communityId }, rules, topic.id) : null;
    const decision: TopicDecision = {
      decidedBy: input.decidedBy,
      optionId,
      text: input.text,
      minutes: input.minutes,
      meetingDay: input.meetingDay,
      attendees: input.attendees,
      rulesVersion: adopted?.version ?? null,
      by: caller.person.id,
      at: now,
    };
    const saved = await deps.store.topics.update({ ...topic, status, decision, updatedAt: now, version: topic.version + 1 }, topic.version);
    if (!saved) {
      // Changed meanwhile (edited, withdrawn, decided by someone else): the adopted version still names
      // this topic, which is logged for staff to correct on the rules page.
      if (adopted) deps.log.error('compound rules adopted for a topic that changed meanwhile', { topicId: topic.id, version: adopted.version, requestId: ctx.requestId });
      throw new DomainError('CONFLICT.VERSION');
    }
    await audit(ctx, 'deliberation.decide', 'topic', topic.id, { decidedBy: decision.decidedBy, optionId, rulesVersion: decision.rulesVersion }, topic.unitPath);
    await tell(deps, decidedNotices(saved, await topicPeople(deps, saved, caller.person.id)), saved);
    return topicView(ctx, saved);
  }),

  withdraw: personAction(schemas.deliberation.withdraw, async (ctx, input) => {
    const { deps } = ctx;
    const topic = await decidable(ctx, input.id, input.version);
    const status = topicTransition(topic.status, 'withdraw');
    if (!status) throw new DomainError('TOPIC.NOT_ALLOWED', '这个议题已经有决定或已撤回，不能再撤回', 'id');
    const now = deps.clock.now();
    const saved = await saveTopic(deps, { ...topic, status, withdrawnReason: input.reason, updatedAt: now, version: topic.version + 1 }, topic.version);
    await audit(ctx, 'deliberation.withdraw', 'topic', topic.id, { reason: input.reason }, topic.unitPath);
    return topicView(ctx, saved);
  }),
};
