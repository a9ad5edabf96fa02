/**
 * Micro-wishes (微心愿) on SQLite: one row per wish. A wish is written once per (poster, client
 * request id), a unique key: INSERT OR IGNORE writes one of any number of racing posts and the
 * others read it back. A claim is one UPDATE conditional on status = 'open' (not on the version
 * the caller read), so of any number of claims of one wish exactly one changes it; update is
 * conditional on the version.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Door, Wish, WishPostedVia, WishStatus } from '../../../../src/core';
import type { WishClaimResult, WishQuery, WishRepo } from '../port';
import type { SqliteKit } from './kit';
import { END } from './rows';

interface WishRow {
  id: string;
  community_id: string;
  building_id: string;
  unit_path: string;
  door: string;
  wisher_id: string | null;
  what: string;
  for_whom: string;
  by_date: string;
  posted_by: string;
  posted_via: string;
  lead_id: string | null;
  phone_shared: number;
  phone: string | null;
  status: string;
  approved_by: string | null;
  approved_at: number | null;
  reject_reason: string | null;
  claimer_id: string | null;
  claimed_at: number | null;
  fulfil_note: string | null;
  fulfil_photos: string;
  fulfilled_at: number | null;
  confirmed_at: number | null;
  confirmed_by: string | null;
  points: number | null;
  client_request_id: string;
  created_at: number;
  updated_at: number;
  version: number;
}

const toWish = (r: WishRow): Wish => ({
  id: r.id,
  communityId: r.community_id,
  buildingId: r.building_id,
  unitPath: r.unit_path,
  door: JSON.parse(r.door) as Door,
  wisherId: r.wisher_id,
  what: r.what,
  forWhom: r.for_whom,
  byDate: r.by_date,
  postedBy: r.posted_by,
  postedVia: r.posted_via as WishPostedVia,
  leadId: r.lead_id,
  phoneShared: r.phone_shared === 1,
  phone: r.phone,
  status: r.status as WishStatus,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  rejectReason: r.reject_reason,
  claimerId: r.claimer_id,
  claimedAt: r.claimed_at,
  fulfilNote: r.fulfil_note,
  fulfilPhotos: JSON.parse(r.fulfil_photos) as string[],
  fulfilledAt: r.fulfilled_at,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
  points: r.points,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const params = (w: Wish) => ({ ...w, door: JSON.stringify(w.door), fulfilPhotos: JSON.stringify(w.fulfilPhotos), phoneShared: w.phoneShared ? 1 : 0 });

/** The WHERE clause of a list query, with its arguments; null when nothing can match. */
function filter(q: WishQuery): { sql: string; args: unknown[] } | null {
  const parts: string[] = [];
  const args: unknown[] = [];
  if ('paths' in q) {
    if (q.paths.length === 0) return null;
    parts.push(`(${q.paths.map(() => '(unit_path >= ? AND unit_path < ?)').join(' OR ')})`);
    for (const p of q.paths) args.push(p, p + END);
  } else if ('postedOrWishedBy' in q) {
    parts.push('(posted_by = ? OR wisher_id = ?)');
    args.push(q.postedOrWishedBy, q.postedOrWishedBy);
  } else {
    parts.push('claimer_id = ?');
    args.push(q.claimerId);
  }
  if (q.statuses) {
    if (q.statuses.length === 0) return null;
    parts.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
    args.push(...q.statuses);
  }
  return { sql: parts.join(' AND '), args };
}

export function sqliteWishes(db: Db, { stmt }: SqliteKit): WishRepo {
  const q = {
    get: db.prepare<[string], WishRow>('SELECT * FROM wishes WHERE id = ?'),
    byRequest: db.prepare<[string, string], WishRow>('SELECT * FROM wishes WHERE posted_by = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO wishes (id, community_id, building_id, unit_path, door, wisher_id, what, for_whom, by_date, posted_by, posted_via, lead_id,
         phone_shared, phone, status, approved_by, approved_at, reject_reason, claimer_id, claimed_at, fulfil_note, fulfil_photos, fulfilled_at,
         confirmed_at, confirmed_by, points, client_request_id, created_at, updated_at, version)
       VALUES (@id, @communityId, @buildingId, @unitPath, @door, @wisherId, @what, @forWhom, @byDate, @postedBy, @postedVia, @leadId,
         @phoneShared, @phone, @status, @approvedBy, @approvedAt, @rejectReason, @claimerId, @claimedAt, @fulfilNote, @fulfilPhotos, @fulfilledAt,
         @confirmedAt, @confirmedBy, @points, @clientRequestId, @createdAt, @updatedAt, @version)`,
    ),
    // Everything but the wish's identity: its id, its poster and request id (the retry key), its creation.
    update: db.prepare(
      `UPDATE wishes SET community_id = @communityId, building_id = @buildingId, unit_path = @unitPath, door = @door, wisher_id = @wisherId, what = @what,
         for_whom = @forWhom, by_date = @byDate, posted_via = @postedVia, lead_id = @leadId, phone_shared = @phoneShared, phone = @phone, status = @status,
         approved_by = @approvedBy, approved_at = @approvedAt, reject_reason = @rejectReason, claimer_id = @claimerId, claimed_at = @claimedAt,
         fulfil_note = @fulfilNote, fulfil_photos = @fulfilPhotos, fulfilled_at = @fulfilledAt, confirmed_at = @confirmedAt, confirmed_by = @confirmedBy,
         points = @points, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected`,
    ),
    claim: db.prepare(
      `UPDATE wishes SET status = 'claimed', claimer_id = @claimerId, claimed_at = @at, updated_at = @at, version = version + 1
       WHERE id = @id AND status = 'open'`,
    ),
    openBefore: db.prepare<[string, number], WishRow>(`SELECT * FROM wishes WHERE status = 'open' AND by_date < ? ORDER BY by_date, id LIMIT ?`),
    fulfilledBefore: db.prepare<[number, number], WishRow>(`SELECT * FROM wishes WHERE status = 'fulfilled' AND fulfilled_at < ? ORDER BY fulfilled_at, id LIMIT ?`),
  };

  const claim = db.transaction((id: string, claimerId: string, at: number): WishClaimResult => {
    const won = q.claim.run({ id, claimerId, at }).changes === 1;
    const r = q.get.get(id);
    if (!r) return { ok: false, reason: 'not_found' };
    return won ? { ok: true, wish: toWish(r) } : { ok: false, reason: 'not_open', wish: toWish(r) };
  });

  return {
    async insert(w) {
      if (q.insert.run(params(w)).changes === 1) return { wish: w, created: true };
      const before = q.byRequest.get(w.postedBy, w.clientRequestId);
      if (!before) throw new Error(`wish ${w.id} was refused but no wish of ${w.postedBy} has request ${w.clientRequestId}`);
      return { wish: toWish(before), created: false };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toWish(r) : null;
    },
    async update(next, version) {
      if (q.update.run({ ...params(next), expected: version }).changes !== 1) return null;
      return toWish(q.get.get(next.id)!);
    },
    async claim(id, claimerId, at) {
      return claim(id, claimerId, at);
    },
    async list(wq, limit, offset) {
      const f = filter(wq);
      if (!f) return { wishes: [], total: 0 };
      const total = (stmt(`SELECT COUNT(*) AS n FROM wishes WHERE ${f.sql}`).get(...f.args) as { n: number }).n;
      const rows = stmt(`SELECT * FROM wishes WHERE ${f.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...f.args, limit, offset) as WishRow[];
      return { wishes: rows.map(toWish), total };
    },
    async listOpenBefore(day, limit) {
      return q.openBefore.all(day, limit).map(toWish);
    },
    async listFulfilledBefore(at, limit) {
      return q.fulfilledBefore.all(at, limit).map(toWish);
    },
  };
}
