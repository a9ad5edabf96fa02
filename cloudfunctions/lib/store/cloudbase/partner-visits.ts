/**
 * Partner contacts' visits (走访) on CloudBase: a document per visit in `partner_visits`, `_id` its id.
 * A retried record is one visit: a guard in `uniques` keyed by hash(recorder, clientRequestId) names
 * it, added in the same transaction (guards.ts, `insertOnce`). Only what a visit became (a need, a
 * report) changes afterwards, one field at a time.
 */
import type { PartnerVisit } from '../../../../src/core';
import type { PartnerVisitQuery, PartnerVisitRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';
import { chunks } from './kit';
import { insertOnce, requestKey } from './guards';

export interface PartnerVisitDoc extends Stored, Omit<PartnerVisit, 'id'> {}

const toVisit = ({ _id, ...fields }: PartnerVisitDoc): PartnerVisit => ({ id: _id, ...fields });
const visitDoc = ({ id, ...fields }: PartnerVisit): PartnerVisitDoc => ({ _id: id, ...fields });

export function cloudbasePartnerVisits(kit: CloudbaseKit): PartnerVisitRepo {
  const _ = kit.command;
  const visits = () => kit.coll('partner_visits');
  const get = async (id: string) => {
    const d = await kit.docById<PartnerVisitDoc>('partner_visits', id);
    return d ? toVisit(d) : null;
  };

  /** The where-clause of a list query; null when nothing can match. */
  function filter(q: PartnerVisitQuery): Where | null {
    const where: Where = {};
    if ('communityId' in q) where.communityId = q.communityId;
    else {
      // A community's partners are tens: one `_.in` list, read in one order.
      const ids = [...new Set(q.partnerIds)];
      if (ids.length === 0) return null;
      where.partnerId = _.in(ids);
    }
    let day: Condition | null = null;
    if (q.fromDay !== undefined) day = _.gte(q.fromDay);
    if (q.toDay !== undefined) day = day ? day.and(_.lte(q.toDay)) : _.lte(q.toDay);
    if (day) where.day = day;
    return where;
  }

  return {
    async insert(v) {
      const existing = await insertOnce(kit, 'partner_visits', 'partner_visit', requestKey('partner_visit', v.by, v.clientRequestId), visitDoc(v));
      return existing ? { visit: toVisit(existing), created: false } : { visit: v, created: true };
    },
    get,
    async setFollowUp(id, followUp) {
      const patch: Partial<Pick<PartnerVisit, 'needId' | 'reportId'>> = {};
      if (followUp.needId !== undefined) patch.needId = followUp.needId;
      if (followUp.reportId !== undefined) patch.reportId = followUp.reportId;
      if (Object.keys(patch).length > 0) await kit.update(visits().where({ _id: id }), patch);
      return get(id);
    },
    async list(vq, limit, offset) {
      const where = filter(vq);
      if (!where) return { visits: [], total: 0 };
      const total = await kit.count(visits().where(where));
      if (limit <= 0) return { visits: [], total };
      const q = visits().where(where).orderBy('day', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { visits: (await kit.drainBySkip<PartnerVisitDoc>(q, limit, offset)).map(toVisit), total };
    },
    async lastDays(communityId, partnerIds) {
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(partnerIds)])) {
        const groups = await kit.groups<{ _id: { partnerId: string }; day: string }>(
          () =>
            visits()
              .aggregate()
              .match({ communityId, partnerId: _.in(part) })
              .group({ _id: { partnerId: '$partnerId' }, day: { $max: '$day' } }),
          ['partnerId'],
        );
        for (const g of groups) out.set(g._id.partnerId, g.day);
      }
      return out;
    },
  };
}
