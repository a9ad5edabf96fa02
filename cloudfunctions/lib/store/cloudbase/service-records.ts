/**
 * Service records (服务记录) on CloudBase: one document per record, `_id` its id.
 *
 * How the invariants hold when requests race:
 * - A retried record is written once: a guard in `uniques` keyed by hash(personId,
 *   clientRequestId) names the record, added in the same transaction as the record (as a
 *   report's, guards.ts). Racing retries all write the guard's `_id`: the database lets one
 *   commit, and the others re-run, find the guard and answer the record it names.
 * - Deciding a record (confirm, reject) writes it where `_id` and `version` are the ones read: of
 *   two staff deciding at once one changes it, the other writes nothing.
 */
import { createHash } from 'node:crypto';
import type { ServiceRecord } from '../../../../src/core';
import type { ServiceRecordQuery, ServiceRecordRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';

export interface ServiceRecordDoc extends Stored, Omit<ServiceRecord, 'id'> {}

/** The record a (person, clientRequestId) pair made. */
interface ServiceRecordGuard extends Stored {
  kind: 'service_record';
  recordId: string;
}

const toRecord = ({ _id, ...fields }: ServiceRecordDoc): ServiceRecord => ({ id: _id, ...fields });
const recordDoc = ({ id, ...fields }: ServiceRecord): ServiceRecordDoc => ({ _id: id, ...fields });

/** The guard's `_id` in `uniques`: a person's client request id is theirs once. */
export const serviceRecordRequestKey = (personId: string, clientRequestId: string) =>
  `servicerecord_${createHash('sha1').update(JSON.stringify([personId, clientRequestId])).digest('hex')}`;

export function cloudbaseServiceRecords(kit: CloudbaseKit): ServiceRecordRepo {
  const _ = kit.command;
  const records = () => kit.coll('service_records');
  const get = async (id: string) => {
    const d = await kit.docById<ServiceRecordDoc>('service_records', id);
    return d ? toRecord(d) : null;
  };

  /** The where-clause of a list query; null when nothing can match. */
  function filter(q: ServiceRecordQuery): Where | Condition | null {
    const all: (Where | Condition)[] = [];
    if ('personId' in q) all.push({ personId: q.personId });
    else {
      if (q.paths.length === 0) return null;
      all.push(_.or(q.paths.map((p) => ({ unitPath: kit.under(p) }))));
    }
    if (q.statuses) {
      if (q.statuses.length === 0) return null;
      all.push({ status: _.in([...q.statuses]) });
    }
    return _.and(all);
  }

  return {
    async insert(r) {
      const key = serviceRecordRequestKey(r.personId, r.clientRequestId);
      const existing = await kit.transaction(async (t) => {
        const held = await t.get<ServiceRecordGuard>('uniques', key);
        if (held) {
          // The guard and its record were committed together: this snapshot has both.
          const d = await t.get<ServiceRecordDoc>('service_records', held.recordId);
          if (!d) throw new Error(`service record guard ${key} names a missing record ${held.recordId}`);
          return d;
        }
        const guard: ServiceRecordGuard = { _id: key, kind: 'service_record', recordId: r.id };
        await t.add('uniques', guard);
        await t.add('service_records', recordDoc(r));
        return null;
      });
      return existing ? { record: toRecord(existing), created: false } : { record: r, created: true };
    },
    get,
    async update(next, version) {
      // Everything but the record's identity: its id, its person and request id (the guard's key), its creation.
      const { _id, personId, clientRequestId, createdAt, ...patch } = recordDoc(next);
      if ((await kit.update(records().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async list(rq, limit, offset) {
      const where = filter(rq);
      if (!where) return { records: [], total: 0 };
      const total = await kit.count(records().where(where));
      const q = records().where(where).orderBy('date', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { records: (await kit.drainBySkip<ServiceRecordDoc>(q, limit, offset)).map(toRecord), total };
    },
  };
}
