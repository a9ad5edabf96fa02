/**
 * Voting (表决): one vote per household — a building and a door, however many residents live behind
 * it — changeable until the vote closes. The store keeps one vote per household under any number of
 * votes sent at once and refuses, in the same atomic step, a vote that lands after the close
 * (VoteRepo.cast), whatever this action read a moment before. Who voted what is written to no audit
 * entry and shown to nobody but the household itself.
 */
import { DomainError, topicPhase, voteId, type Vote } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import { personAction, type FunctionDef } from '../define';
import { homeKey, loadTopic } from './scope';
import { topicView } from './views';

export const vote: FunctionDef = {
  vote: personAction(schemas.deliberation.vote, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { topic, reader } = await loadTopic(ctx, input.topicId, 'topicId');
    if (topic.options.length === 0) throw new DomainError('TOPIC.NO_VOTE', undefined, 'topicId');
    const now = deps.clock.now();
    const phase = topicPhase(topic, now);
    if (phase === 'opinions') throw new DomainError('TOPIC.VOTE_NOT_OPEN', undefined, 'topicId');
    if (phase !== 'voting') throw new DomainError('TOPIC.VOTE_CLOSED', undefined, 'topicId');
    const [home] = reader.homes;
    if (!home) throw new DomainError('TOPIC.NOT_HOUSEHOLD', undefined, 'topicId');
    if (!topic.options.some((o) => o.id === input.optionId)) throw new DomainError('TOPIC.BAD_OPTION', undefined, 'optionId');
    const key = homeKey(home);
    const v: Vote = { id: voteId(topic.id, key), topicId: topic.id, householdKey: key, buildingId: home.unit.id, optionId: input.optionId, personId: caller.person.id, at: now, changes: 0 };
    const cast = await deps.store.votes.cast(v);
    if (!cast.ok) throw new DomainError(cast.reason === 'no_topic' ? 'TOPIC.NOT_FOUND' : 'TOPIC.VOTE_CLOSED', undefined, 'topicId');
    return topicView(ctx, topic);
  }),
};
