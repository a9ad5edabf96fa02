/**
 * Leaving (注销) and 议事: the text of the person's opinions is removed (the opinion stays, so a topic's
 * discussion keeps its shape and counts), and their household's votes stay counted but no longer name
 * them. Both are idempotent: a second run finds nothing left to change.
 */
import type { AuthedContext } from '../define';

/** What an opinion of a person who left reads. */
export const LEFT_OPINION_TEXT = '（发表意见的居民已注销，内容已删除）';
/** Who a vote of a person who left names: nobody (the views say "已注销的家人"). */
export const LEFT_VOTER_ID = 'left';

export async function scrubDeliberation(ctx: AuthedContext): Promise<{ opinionsScrubbed: number; votesReassigned: number }> {
  const { deps, caller } = ctx;
  const opinionsScrubbed = await deps.store.topics.scrubOpinionsBy(caller.person.id, LEFT_OPINION_TEXT);
  const votesReassigned = await deps.store.votes.reassign(caller.person.id, LEFT_VOTER_ID);
  return { opinionsScrubbed, votesReassigned };
}
