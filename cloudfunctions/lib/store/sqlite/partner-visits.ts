/**
 * Partner contacts' visits (走访) on SQLite: one row per visit, written once per (recorder, client
 * request id), a unique key: INSERT OR IGNORE writes one of any number of racing records and the
 * others read the first back. Only what a visit became (a need, a report) changes afterwards.
 */
import type { Database as Db } from 'better-sqlite3';
import type { PartnerVisit } from '../../../../src/core';
import type { PartnerVisitQuery, PartnerVisitRepo } from '../port';
import type { SqliteKit } from './kit';
import { CHUNK } from './rows';

interface VisitRow {
  id: string;
  partner_id: string;
  community_id: string;
  day: string;
  met: string;
  raised: string;
  feedback: string;
  need_id: string | null;
  report_id: string | null;
  recorded_by: string;
  client_request_id: string;
  created_at: number;
}

const toVisit = (r: VisitRow): PartnerVisit => ({
  id: r.id,
  partnerId: r.partner_id,
  communityId: r.community_id,
  day: r.day,
  met: r.met,
  raised: r.raised,
  feedback: r.feedback,
  needId: r.need_id,
  reportId: r.report_id,
  by: r.recorded_by,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
});

/** The WHERE clause of a list query, with its arguments; null when nothing can match. */
function filter(q: PartnerVisitQuery): { sql: string; args: unknown[] } | null {
  const parts: string[] = [];
  const args: unknown[] = [];
  if ('communityId' in q) {
    parts.push('community_id = ?');
    args.push(q.communityId);
  } else {
    const ids = [...new Set(q.partnerIds)];
    if (ids.length === 0) return null;
    parts.push(`partner_id IN (${ids.map(() => '?').join(',')})`);
    args.push(...ids);
  }
  if (q.fromDay !== undefined) {
    parts.push('day >= ?');
    args.push(q.fromDay);
  }
  if (q.toDay !== undefined) {
    parts.push('day <= ?');
    args.push(q.toDay);
  }
  return { sql: parts.join(' AND '), args };
}

export function sqlitePartnerVisits(db: Db, { stmt }: SqliteKit): PartnerVisitRepo {
  const q = {
    get: db.prepare<[string], VisitRow>('SELECT * FROM partner_visits WHERE id = ?'),
    byRequest: db.prepare<[string, string], VisitRow>('SELECT * FROM partner_visits WHERE recorded_by = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO partner_visits (id, partner_id, community_id, day, met, raised, feedback, need_id, report_id, recorded_by, client_request_id, created_at)
       VALUES (@id, @partnerId, @communityId, @day, @met, @raised, @feedback, @needId, @reportId, @by, @clientRequestId, @createdAt)`,
    ),
    setNeed: db.prepare<[string, string]>('UPDATE partner_visits SET need_id = ? WHERE id = ?'),
    setReport: db.prepare<[string, string]>('UPDATE partner_visits SET report_id = ? WHERE id = ?'),
  };

  const visitOf = (id: string) => {
    const r = q.get.get(id);
    return r ? toVisit(r) : null;
  };

  const setFollowUp = db.transaction((id: string, followUp: { needId?: string; reportId?: string }): PartnerVisit | null => {
    if (!q.get.get(id)) return null;
    if (followUp.needId !== undefined) q.setNeed.run(followUp.needId, id);
    if (followUp.reportId !== undefined) q.setReport.run(followUp.reportId, id);
    return visitOf(id);
  });

  return {
    async insert(v) {
      if (q.insert.run(v).changes === 1) return { visit: v, created: true };
      const before = q.byRequest.get(v.by, v.clientRequestId);
      if (!before) throw new Error(`visit ${v.id} was refused but no visit of ${v.by} has request ${v.clientRequestId}`);
      return { visit: toVisit(before), created: false };
    },
    async get(id) {
      return visitOf(id);
    },
    async setFollowUp(id, followUp) {
      return setFollowUp(id, followUp);
    },
    async list(vq, limit, offset) {
      const f = filter(vq);
      if (!f) return { visits: [], total: 0 };
      const total = (stmt(`SELECT COUNT(*) AS n FROM partner_visits WHERE ${f.sql}`).get(...f.args) as { n: number }).n;
      if (limit <= 0) return { visits: [], total };
      const rows = stmt(`SELECT * FROM partner_visits WHERE ${f.sql} ORDER BY day DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...f.args,
        limit,
        offset,
      ) as VisitRow[];
      return { visits: rows.map(toVisit), total };
    },
    async lastDays(communityId, partnerIds) {
      const out = new Map<string, string>();
      const ids = [...new Set(partnerIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const rows = stmt(
          `SELECT partner_id, MAX(day) AS day FROM partner_visits WHERE community_id = ? AND partner_id IN (${part.map(() => '?').join(',')}) GROUP BY partner_id`,
        ).all(communityId, ...part) as { partner_id: string; day: string }[];
        for (const r of rows) out.set(r.partner_id, r.day);
      }
      return out;
    },
  };
}
