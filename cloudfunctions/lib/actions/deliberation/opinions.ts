/**
 * Opinions (意见): the people of a topic say what they think while it takes opinions (a retried say
 * is one opinion); staff (and the compound's branch secretary) hide one with a reason its author sees
 * — and is told — or show it again. Others never see a hidden opinion, nor that there was one.
 */
import { DomainError, takesOpinions, type Opinion } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { hiddenNotice, tell } from './notices';
import { loadTopic } from './scope';
import { topicView } from './views';

const NOT_A_MODERATOR = '只有社区工作人员和小区党支部书记可以隐藏或恢复意见';

/** The opinion and its topic, for a moderator of the topic. */
async function moderated(ctx: AuthedContext, opinionId: string) {
  const o = await ctx.deps.store.topics.getOpinion(opinionId);
  if (!o) throw new DomainError('OPINION.NOT_FOUND', undefined, 'opinionId');
  const { topic, reader } = await loadTopic(ctx, o.topicId, 'opinionId');
  if (!reader.moderates) throw new DomainError('AUTH.FORBIDDEN', NOT_A_MODERATOR);
  return { opinion: o, topic };
}

export const opinions: FunctionDef = {
  say: personAction(schemas.deliberation.say, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { topic, reader } = await loadTopic(ctx, input.topicId, 'topicId');
    const now = deps.clock.now();
    if (!takesOpinions(topic, now)) throw new DomainError('TOPIC.OPINIONS_CLOSED');
    if (!reader.speaks) throw new DomainError('TOPIC.NOT_PARTICIPANT');
    const o: Opinion = { id: deps.ids.next('opn'), topicId: topic.id, personId: caller.person.id, text: input.text, hidden: null, clientRequestId: input.clientRequestId, createdAt: now };
    const { created } = await deps.store.topics.say(o);
    return { topic: await topicView(ctx, topic), created };
  }),

  hide: personAction(schemas.deliberation.hide, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { opinion, topic } = await moderated(ctx, input.opinionId);
    const hidden = { reason: input.reason, by: caller.person.id, at: deps.clock.now() };
    const saved = await deps.store.topics.setHidden(opinion.id, hidden);
    if (!saved) throw new DomainError('OPINION.NOT_FOUND', undefined, 'opinionId');
    await audit(ctx, 'deliberation.hide', 'topic', topic.id, { opinionId: opinion.id, reason: input.reason }, topic.unitPath);
    if (opinion.personId !== caller.person.id) await tell(deps, [hiddenNotice(topic, opinion.personId, input.reason)]);
    return topicView(ctx, topic);
  }),

  unhide: personAction(schemas.deliberation.unhide, async (ctx, input) => {
    const { deps } = ctx;
    const { opinion, topic } = await moderated(ctx, input.opinionId);
    if (!(await deps.store.topics.setHidden(opinion.id, null))) throw new DomainError('OPINION.NOT_FOUND', undefined, 'opinionId');
    await audit(ctx, 'deliberation.unhide', 'topic', topic.id, { opinionId: opinion.id }, topic.unitPath);
    return topicView(ctx, topic);
  }),
};
