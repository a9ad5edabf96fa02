/**
 * Pairings (联户) and their visits (走访) on SQLite. A pairing's id is `<memberId>:<householdKey>`,
 * its primary key: INSERT OR IGNORE writes one of any number of racing pairings of one member and
 * one household. A visit and its pairing's counters are written in one transaction; the visit's
 * (member, client request id) is unique, so a retried visit is found, not written again.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Door, Pairing, PairingStatus, Visit } from '../../../../src/core';
import type { PairingRepo, VisitQuery } from '../port';
import type { SqliteKit } from './kit';
import { END } from './rows';

interface PairingRow {
  id: string;
  member_id: string;
  building_id: string;
  door: string;
  household_key: string;
  unit_path: string;
  community_id: string;
  kinds: string;
  contact_name: string | null;
  contact_phone: string | null;
  status: string;
  visits: number;
  last_visit_on: string | null;
  created_at: number;
  created_by: string;
  ended_at: number | null;
  ended_by: string | null;
  end_reason: string | null;
  updated_at: number;
  version: number;
}

interface VisitRow {
  id: string;
  pairing_id: string;
  member_id: string;
  unit_path: string;
  date: string;
  done: string;
  needs: string | null;
  report_id: string | null;
  client_request_id: string;
  created_at: number;
}

const toPairing = (r: PairingRow): Pairing => ({
  id: r.id,
  memberId: r.member_id,
  buildingId: r.building_id,
  door: JSON.parse(r.door) as Door,
  householdKey: r.household_key,
  unitPath: r.unit_path,
  communityId: r.community_id,
  kinds: JSON.parse(r.kinds) as string[],
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  status: r.status as PairingStatus,
  visits: r.visits,
  lastVisitOn: r.last_visit_on,
  createdAt: r.created_at,
  createdBy: r.created_by,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  endReason: r.end_reason,
  updatedAt: r.updated_at,
  version: r.version,
});

const pairingParams = (p: Pairing) => ({ ...p, door: JSON.stringify(p.door), kinds: JSON.stringify(p.kinds) });

const toVisit = (r: VisitRow): Visit => ({
  id: r.id,
  pairingId: r.pairing_id,
  memberId: r.member_id,
  unitPath: r.unit_path,
  date: r.date,
  done: r.done,
  needs: r.needs,
  reportId: r.report_id,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
});

/** `(unit_path >= ? AND unit_path < ?) OR …` for the subtrees at `paths`, with its arguments. */
function subtrees(paths: readonly string[]): { sql: string; args: string[] } {
  const args: string[] = [];
  for (const p of paths) args.push(p, p + END);
  return { sql: paths.map(() => '(unit_path >= ? AND unit_path < ?)').join(' OR '), args };
}

export function sqlitePairings(db: Db, { stmt }: SqliteKit): PairingRepo {
  const q = {
    get: db.prepare<[string], PairingRow>('SELECT * FROM pairings WHERE id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO pairings (id, member_id, building_id, door, household_key, unit_path, community_id, kinds, contact_name, contact_phone, status, visits,
         last_visit_on, created_at, created_by, ended_at, ended_by, end_reason, updated_at, version)
       VALUES (@id, @memberId, @buildingId, @door, @householdKey, @unitPath, @communityId, @kinds, @contactName, @contactPhone, @status, @visits,
         @lastVisitOn, @createdAt, @createdBy, @endedAt, @endedBy, @endReason, @updatedAt, @version)`,
    ),
    update: db.prepare(
      `UPDATE pairings SET kinds = @kinds, contact_name = @contactName, contact_phone = @contactPhone, status = @status, ended_at = @endedAt,
         ended_by = @endedBy, end_reason = @endReason, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected`,
    ),
    forMember: db.prepare<[string], PairingRow>('SELECT * FROM pairings WHERE member_id = ? ORDER BY unit_path, household_key'),
    visitByRequest: db.prepare<[string, string], VisitRow>('SELECT * FROM visits WHERE member_id = ? AND client_request_id = ?'),
    insertVisit: db.prepare(
      `INSERT OR IGNORE INTO visits (id, pairing_id, member_id, unit_path, date, done, needs, report_id, client_request_id, created_at)
       VALUES (@id, @pairingId, @memberId, @unitPath, @date, @done, @needs, @reportId, @clientRequestId, @createdAt)`,
    ),
    countVisit: db.prepare(
      `UPDATE pairings SET visits = visits + 1, last_visit_on = CASE WHEN last_visit_on IS NULL OR last_visit_on < @date THEN @date ELSE last_visit_on END WHERE id = @pairingId`,
    ),
  };

  const insertVisit = db.transaction((v: Visit): { ok: true; visit: Visit; created: boolean } | { ok: false; reason: 'not_found' } => {
    const before = q.visitByRequest.get(v.memberId, v.clientRequestId);
    if (before) return { ok: true, visit: toVisit(before), created: false };
    if (!q.get.get(v.pairingId)) return { ok: false, reason: 'not_found' };
    q.insertVisit.run(v);
    q.countVisit.run({ pairingId: v.pairingId, date: v.date });
    return { ok: true, visit: v, created: true };
  });

  return {
    async insert(p) {
      if (q.insert.run(pairingParams(p)).changes === 1) return { ok: true, pairing: p };
      return { ok: false, reason: 'taken', existing: toPairing(q.get.get(p.id)!) };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toPairing(r) : null;
    },
    async update(next, version) {
      if (q.update.run({ ...pairingParams(next), expected: version }).changes !== 1) return null;
      return toPairing(q.get.get(next.id)!);
    },
    async listForMember(memberId) {
      return q.forMember.all(memberId).map(toPairing);
    },
    async list(pq, limit, offset) {
      if (pq.paths.length === 0 || pq.statuses.length === 0) return { pairings: [], total: 0 };
      const scope = subtrees(pq.paths);
      const parts = [`(${scope.sql})`, `status IN (${pq.statuses.map(() => '?').join(',')})`];
      const args: unknown[] = [...scope.args, ...pq.statuses];
      if (pq.memberId) {
        parts.push('member_id = ?');
        args.push(pq.memberId);
      }
      if (pq.kind) {
        parts.push('EXISTS (SELECT 1 FROM json_each(pairings.kinds) WHERE value = ?)');
        args.push(pq.kind);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM pairings WHERE ${where}`).get(...args) as { n: number }).n;
      const rows = stmt(`SELECT * FROM pairings WHERE ${where} ORDER BY unit_path, household_key, id LIMIT ? OFFSET ?`).all(...args, limit, offset) as PairingRow[];
      return { pairings: rows.map(toPairing), total };
    },
    async insertVisit(v) {
      return insertVisit(v);
    },
    async listVisits(vq: VisitQuery, limit, offset) {
      let where: string;
      let args: string[];
      if ('pairingId' in vq) {
        where = 'pairing_id = ?';
        args = [vq.pairingId];
      } else {
        if (vq.paths.length === 0) return { visits: [], total: 0 };
        const scope = subtrees(vq.paths);
        where = scope.sql;
        args = scope.args;
      }
      const total = (stmt(`SELECT COUNT(*) AS n FROM visits WHERE ${where}`).get(...args) as { n: number }).n;
      const rows = stmt(`SELECT * FROM visits WHERE ${where} ORDER BY date DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as VisitRow[];
      return { visits: rows.map(toVisit), total };
    },
  };
}
