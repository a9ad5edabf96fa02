/**
 * Household votes on CloudBase: a document per topic and household, `_id` `<topicId>:<householdKey>`.
 *
 * How the invariants hold when requests race: cast is one transaction that reads the topic (open,
 * vote.at inside its voting time) and the household's vote, then adds or replaces that vote — by
 * its `_id`, the only kind of write a CloudBase transaction takes. Racing casts of one household all
 * write that `_id`: the database commits one and the SDK re-runs the others on what it committed, so
 * one document stands, counted once, and a re-run that changes the option counts one change.
 * Households' casts write different documents and never wait on each other (the topic is read, not
 * written). A topic decided in the same instant as a vote may still take that vote: it lands as if
 * just before; no vote is written with `at` past the close or on a topic read closed.
 */
import { voteId, type Vote } from '../../../../src/core';
import type { CastResult, VoteRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';
import { chunks } from './kit';
import type { TopicDoc } from './topics';

interface VoteDoc extends Stored, Omit<Vote, 'id'> {}

const toVote = ({ _id, ...fields }: VoteDoc): Vote => ({ id: _id, ...fields });
const fieldsOf = ({ id: _id, ...fields }: Vote): Omit<VoteDoc, '_id'> => fields;

export function cloudbaseVotes(kit: CloudbaseKit): VoteRepo {
  const _ = kit.command;
  const votes = () => kit.coll('votes');

  return {
    async cast(v) {
      if (v.id !== voteId(v.topicId, v.householdKey)) throw new Error(`vote ${v.id} is not ${voteId(v.topicId, v.householdKey)}`);
      return kit.transaction(async (t): Promise<CastResult> => {
        const topic = await t.get<TopicDoc>('topics', v.topicId);
        if (!topic) return { ok: false, reason: 'no_topic' };
        const { status, voteOpensAt: opens, voteClosesAt: closes } = topic;
        if (status !== 'open' || opens === null || closes === null || v.at < opens || v.at > closes) return { ok: false, reason: 'closed' };
        const before = await t.get<VoteDoc>('votes', v.id);
        if (!before) {
          const first: Vote = { ...v, changes: 0 };
          await t.add('votes', { _id: v.id, ...fieldsOf(first) });
          return { ok: true, vote: first, changed: false };
        }
        // The same choice sent again (a retry, or another of the household agreeing) changes nothing.
        if (before.optionId === v.optionId) return { ok: true, vote: toVote(before), changed: false };
        const changed: Vote = { ...v, changes: before.changes + 1 };
        await t.set('votes', v.id, fieldsOf(changed));
        return { ok: true, vote: changed, changed: true };
      });
    },
    async ofHousehold(topicId, householdKey) {
      const d = await kit.docById<VoteDoc>('votes', voteId(topicId, householdKey));
      return d ? toVote(d) : null;
    },
    async tally(topicId) {
      const groups = await kit.groups<{ _id: { optionId: string }; n: number }>(
        () =>
          votes()
            .aggregate()
            .match({ topicId })
            .group({ _id: { optionId: '$optionId' }, n: { $sum: 1 } }),
        ['optionId'],
      );
      const counts: Record<string, number> = {};
      let voted = 0;
      for (const g of groups) {
        counts[g._id.optionId] = g.n;
        voted += g.n;
      }
      return { counts, voted };
    },
    async votedCounts(topicIds) {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(topicIds)])) {
        const groups = await kit.groups<{ _id: { topicId: string }; n: number }>(
          () =>
            votes()
              .aggregate()
              .match({ topicId: _.in(part) })
              .group({ _id: { topicId: '$topicId' }, n: { $sum: 1 } }),
          ['topicId'],
        );
        for (const g of groups) out.set(g._id.topicId, g.n);
      }
      return out;
    },
    async castBy(personId) {
      const q = votes().where({ personId }).orderBy('at', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<VoteDoc>(q)).map(toVote);
    },
    async reassign(personId, by) {
      return kit.update(votes().where({ personId }), { personId: by });
    },
  };
}
