/**
 * Notice fan-outs on SQLite: one row each (migrations/v28.ts). Enqueue is INSERT OR IGNORE on the
 * id, so racing enqueues write one row. A claim is one UPDATE of the oldest claimable row chosen in
 * the same statement, and an advance one UPDATE conditional on the version: SQLite runs each
 * statement alone, so two runs (or two processes on the file) never both take a row or both move it.
 */
import type { Database as Db } from 'better-sqlite3';
import type { NoticeFanout, NoticeFanoutBacklog, NoticeFanoutRepo } from '../port';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  fields: string;
  person_ids: string;
  total: number;
  next: number;
  claimed_until: number;
  version: number;
  created_at: number;
  done_at: number | null;
}

const fanout = (r: Row): NoticeFanout => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  page: r.page,
  fields: JSON.parse(r.fields) as NoticeFanout['fields'],
  personIds: JSON.parse(r.person_ids) as string[],
  next: r.next,
  claimedUntil: r.claimed_until,
  version: r.version,
  createdAt: r.created_at,
  doneAt: r.done_at,
});

export function sqliteNoticeFanouts(db: Db): NoticeFanoutRepo {
  const q = {
    insert: db.prepare(
      `INSERT OR IGNORE INTO notice_fanouts (id, kind, title, body, page, fields, person_ids, total, next, claimed_until, version, created_at, done_at)
       VALUES (@id, @kind, @title, @body, @page, @fields, @personIds, @total, 0, 0, 1, @createdAt, NULL)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM notice_fanouts WHERE id = ?'),
    claim: db.prepare<{ now: number; until: number }, Row>(
      `UPDATE notice_fanouts SET claimed_until = @until, version = version + 1
       WHERE id = (SELECT id FROM notice_fanouts WHERE done_at IS NULL AND claimed_until <= @now ORDER BY created_at, id LIMIT 1)
       RETURNING *`,
    ),
    advance: db.prepare<{ id: string; version: number; next: number; until: number; done: number | null }>(
      'UPDATE notice_fanouts SET next = @next, claimed_until = @until, done_at = @done, version = version + 1 WHERE id = @id AND version = @version AND done_at IS NULL',
    ),
    backlog: db.prepare<[], { fanouts: number; people: number | null; oldest: number | null }>(
      'SELECT COUNT(*) AS fanouts, SUM(total - next) AS people, MIN(created_at) AS oldest FROM notice_fanouts WHERE done_at IS NULL',
    ),
    purge: db.prepare<[number]>('DELETE FROM notice_fanouts WHERE done_at IS NOT NULL AND done_at < ?'),
  };

  return {
    async enqueue(f) {
      const { changes } = q.insert.run({
        id: f.id,
        kind: f.kind,
        title: f.title,
        body: f.body,
        page: f.page,
        fields: JSON.stringify(f.fields),
        personIds: JSON.stringify(f.personIds),
        total: f.personIds.length,
        createdAt: f.createdAt,
      });
      return { fanout: fanout(q.get.get(f.id)!), created: changes === 1 };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? fanout(r) : null;
    },
    async claim(now, until) {
      const r = q.claim.get({ now, until });
      return r ? fanout(r) : null;
    },
    async advance(held, next, at, until) {
      if (next < held.next || next > held.personIds.length) throw new Error(`notice fan-out ${held.id}: cursor ${next} outside ${held.next}..${held.personIds.length}`);
      const done = next >= held.personIds.length;
      const claimedUntil = done || until === null ? 0 : until;
      const { changes } = q.advance.run({ id: held.id, version: held.version, next, until: claimedUntil, done: done ? at : null });
      return changes === 1 ? { ...held, next, claimedUntil, doneAt: done ? at : null, version: held.version + 1 } : null;
    },
    async backlog(): Promise<NoticeFanoutBacklog> {
      const r = q.backlog.get()!;
      return { fanouts: r.fanouts, people: r.people ?? 0, oldestAt: r.oldest };
    },
    async purgeDone(before) {
      return q.purge.run(before).changes;
    },
  };
}
