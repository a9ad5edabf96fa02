/**
 * Topics (议题) and opinions (意见) on CloudBase: a document per topic and per opinion, `_id` its id.
 * A topic's document also holds what its lists order by: closesAt (the vote's close, or the
 * opinions' end for an open question) and decidedAt (its decision's time, null before).
 *
 * How the invariants hold when requests race:
 * - A retried open is one topic and a retried say one opinion: a guard in `uniques` keyed by
 *   hash(opener, clientRequestId) (or hash(author, topic, clientRequestId)) names it, added in the
 *   same transaction (guards.ts, `insertOnce`). Racing requests all write the guard's `_id`: the
 *   database lets one commit, the others re-run, find the guard and answer what it names.
 * - update writes the topic where `_id` and `version` are the ones read: a second update at the
 *   same version writes nothing. The identity (id, opener, request id, creation) is never written.
 */
import type { Opinion, Topic } from '../../../../src/core';
import type { TopicQuery, TopicRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';
import { insertOnce, requestKey } from './guards';
import { chunks } from './kit';

export interface TopicDoc extends Stored, Omit<Topic, 'id'> {
  closesAt: number;
  decidedAt: number | null;
}
export interface OpinionDoc extends Stored, Omit<Opinion, 'id'> {}

export const topicRequestKey = (openedBy: string, clientRequestId: string) => requestKey('topic', openedBy, clientRequestId);
export const opinionRequestKey = (personId: string, topicId: string, clientRequestId: string) => requestKey('opinion', personId, topicId, clientRequestId);

const toTopic = ({ _id, closesAt: _c, decidedAt: _d, ...fields }: TopicDoc): Topic => ({ id: _id, ...fields });
const topicDoc = ({ id, ...fields }: Topic): TopicDoc => ({ _id: id, ...fields, closesAt: fields.voteClosesAt ?? fields.opinionsUntil, decidedAt: fields.decision?.at ?? null });
const toOpinion = ({ _id, ...fields }: OpinionDoc): Opinion => ({ id: _id, ...fields, hidden: fields.hidden ?? null });
const opinionDoc = ({ id, ...fields }: Opinion): OpinionDoc => ({ _id: id, ...fields });

export function cloudbaseTopics(kit: CloudbaseKit): TopicRepo {
  const _ = kit.command;
  const topics = () => kit.coll('topics');
  const opinions = () => kit.coll('opinions');
  const get = async (id: string) => {
    const d = await kit.docById<TopicDoc>('topics', id);
    return d ? toTopic(d) : null;
  };
  const getOpinion = async (id: string) => {
    const d = await kit.docById<OpinionDoc>('opinions', id);
    return d ? toOpinion(d) : null;
  };

  function filter(q: TopicQuery): Where | Condition | null {
    const all: (Where | Condition)[] = [];
    if ('unitIds' in q) {
      if (q.unitIds.length === 0) return null;
      all.push({ unitId: _.in([...q.unitIds]) });
    } else {
      all.push({ unitPath: kit.under(q.underPath) });
    }
    if (q.statuses) {
      if (q.statuses.length === 0) return null;
      all.push({ status: _.in([...q.statuses]) });
    }
    return _.and(all);
  }

  return {
    async insert(t) {
      const existing = await insertOnce(kit, 'topics', 'topic', topicRequestKey(t.openedBy, t.clientRequestId), topicDoc(t));
      return existing ? { topic: toTopic(existing), created: false } : { topic: t, created: true };
    },
    get,
    async update(next, version) {
      const { _id, openedBy, clientRequestId, createdAt, ...fields } = topicDoc(next);
      // Lists and the decision are replaced whole: a shorter list must not keep the old tail.
      const patch = {
        ...fields,
        options: _.set(next.options),
        photos: _.set(next.photos),
        parties: _.set(next.parties),
        decision: next.decision === null ? null : _.set(next.decision),
      };
      if ((await kit.update(topics().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async list(tq, limit, offset) {
      const where = filter(tq);
      if (!where) return { topics: [], total: 0 };
      const total = await kit.count(topics().where(where));
      const q = topics().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { topics: (await kit.drainBySkip<TopicDoc>(q, limit, offset)).map(toTopic), total };
    },
    async awaitingDecision(path, before, limit) {
      const q = topics().where({ status: 'open', closesAt: _.lt(before), unitPath: kit.under(path) }).orderBy('closesAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<TopicDoc>(q, limit)).map(toTopic);
    },
    async decided(unitIds, limit) {
      if (unitIds.length === 0) return [];
      const q = topics().where({ unitId: _.in([...unitIds]), status: 'decided' }).orderBy('decidedAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<TopicDoc>(q, limit)).map(toTopic);
    },
    async forReport(reportId) {
      const q = topics().where({ reportId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<TopicDoc>(q)).map(toTopic);
    },

    async say(o) {
      const existing = await insertOnce(kit, 'opinions', 'opinion', opinionRequestKey(o.personId, o.topicId, o.clientRequestId), opinionDoc(o));
      return existing ? { opinion: toOpinion(existing), created: false } : { opinion: o, created: true };
    },
    getOpinion,
    async setHidden(id, hidden) {
      if (!(await getOpinion(id))) return null;
      await kit.update(opinions().where({ _id: id }), { hidden: hidden === null ? null : _.set(hidden) });
      return getOpinion(id);
    },
    async opinions(topicId) {
      const q = opinions().where({ topicId }).orderBy('createdAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<OpinionDoc>(q)).map(toOpinion);
    },
    async opinionCounts(topicIds) {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(topicIds)])) {
        const groups = await kit.groups<{ _id: { topicId: string }; n: number }>(
          () =>
            opinions()
              .aggregate()
              .match({ topicId: _.in(part), hidden: null })
              .group({ _id: { topicId: '$topicId' }, n: { $sum: 1 } }),
          ['topicId'],
        );
        for (const g of groups) out.set(g._id.topicId, g.n);
      }
      return out;
    },
    async opinionsBy(personId) {
      const q = opinions().where({ personId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<OpinionDoc>(q)).map(toOpinion);
    },
    async scrubOpinionsBy(personId, text) {
      return kit.update(opinions().where({ personId, text: _.neq(text) }), { text });
    },
  };
}
