/**
 * Topics (议题) and opinions (意见) on SQLite. A topic is one row, its content a JSON document read
 * whole, with the columns the lists query beside it. A topic is written once per (opener, client
 * request id) and an opinion once per (author, topic, client request id), unique keys: INSERT OR
 * IGNORE writes one of any number of racing requests and the others read the first back. update
 * reads and writes in one transaction, conditional on the version, keeping the identity as inserted.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Opinion, Topic } from '../../../../src/core';
import type { TopicQuery, TopicRepo } from '../port';
import type { SqliteKit } from './kit';
import { CHUNK, END } from './rows';

interface OpinionRow {
  id: string;
  topic_id: string;
  person_id: string;
  text: string;
  hidden: string | null;
  client_request_id: string;
  created_at: number;
}

const toTopic = (r: { doc: string }): Topic => JSON.parse(r.doc) as Topic;
/** When an open topic starts waiting for its decision: the vote's close, or the opinions' end. */
const closesAt = (t: Topic) => t.voteClosesAt ?? t.opinionsUntil;
const topicParams = (t: Topic) => ({
  id: t.id,
  communityId: t.communityId,
  unitId: t.unitId,
  unitPath: t.unitPath,
  status: t.status,
  reportId: t.reportId,
  openedBy: t.openedBy,
  clientRequestId: t.clientRequestId,
  createdAt: t.createdAt,
  voteOpensAt: t.voteOpensAt,
  voteClosesAt: t.voteClosesAt,
  closesAt: closesAt(t),
  decidedAt: t.decision?.at ?? null,
  version: t.version,
  doc: JSON.stringify(t),
});

const toOpinion = (r: OpinionRow): Opinion => ({
  id: r.id,
  topicId: r.topic_id,
  personId: r.person_id,
  text: r.text,
  hidden: r.hidden === null ? null : (JSON.parse(r.hidden) as Opinion['hidden']),
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
});

function filter(q: TopicQuery): { sql: string; args: unknown[] } | null {
  const parts: string[] = [];
  const args: unknown[] = [];
  if ('unitIds' in q) {
    if (q.unitIds.length === 0) return null;
    parts.push(`unit_id IN (${q.unitIds.map(() => '?').join(',')})`);
    args.push(...q.unitIds);
  } else {
    parts.push('unit_path >= ? AND unit_path < ?');
    args.push(q.underPath, q.underPath + END);
  }
  if (q.statuses) {
    if (q.statuses.length === 0) return null;
    parts.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
    args.push(...q.statuses);
  }
  return { sql: parts.join(' AND '), args };
}

export function sqliteTopics(db: Db, { stmt }: SqliteKit): TopicRepo {
  const q = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM topics WHERE id = ?'),
    byRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM topics WHERE opened_by = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO topics (id, community_id, unit_id, unit_path, status, report_id, opened_by, client_request_id, created_at,
         vote_opens_at, vote_closes_at, closes_at, decided_at, version, doc)
       VALUES (@id, @communityId, @unitId, @unitPath, @status, @reportId, @openedBy, @clientRequestId, @createdAt,
         @voteOpensAt, @voteClosesAt, @closesAt, @decidedAt, @version, @doc)`,
    ),
    update: db.prepare(
      `UPDATE topics SET community_id = @communityId, unit_id = @unitId, unit_path = @unitPath, status = @status, report_id = @reportId,
         vote_opens_at = @voteOpensAt, vote_closes_at = @voteClosesAt, closes_at = @closesAt, decided_at = @decidedAt, version = @version, doc = @doc
       WHERE id = @id AND version = @expected`,
    ),
    awaiting: db.prepare<[number, string, string, number], { doc: string }>(
      `SELECT doc FROM topics WHERE status = 'open' AND closes_at < ? AND unit_path >= ? AND unit_path < ? ORDER BY closes_at, id LIMIT ?`,
    ),
    forReport: db.prepare<[string], { doc: string }>('SELECT doc FROM topics WHERE report_id = ? ORDER BY created_at DESC, id DESC'),
    opinion: db.prepare<[string], OpinionRow>('SELECT * FROM opinions WHERE id = ?'),
    opinionByRequest: db.prepare<[string, string, string], OpinionRow>('SELECT * FROM opinions WHERE person_id = ? AND topic_id = ? AND client_request_id = ?'),
    say: db.prepare(
      `INSERT OR IGNORE INTO opinions (id, topic_id, person_id, text, hidden, client_request_id, created_at)
       VALUES (@id, @topicId, @personId, @text, @hidden, @clientRequestId, @createdAt)`,
    ),
    setHidden: db.prepare<[string | null, string]>('UPDATE opinions SET hidden = ? WHERE id = ?'),
    opinions: db.prepare<[string], OpinionRow>('SELECT * FROM opinions WHERE topic_id = ? ORDER BY created_at, id'),
    opinionsBy: db.prepare<[string], OpinionRow>('SELECT * FROM opinions WHERE person_id = ? ORDER BY created_at DESC, id DESC'),
    scrub: db.prepare<[string, string, string]>('UPDATE opinions SET text = ? WHERE person_id = ? AND text <> ?'),
  };

  // The identity (id, opener, request id, creation) stays as inserted, whatever `next` says.
  const update = db.transaction((next: Topic, version: number): Topic | null => {
    const row = q.get.get(next.id);
    if (!row) return null;
    const stored = toTopic(row);
    if (stored.version !== version) return null;
    const t: Topic = { ...next, id: stored.id, openedBy: stored.openedBy, clientRequestId: stored.clientRequestId, createdAt: stored.createdAt };
    return q.update.run({ ...topicParams(t), expected: version }).changes === 1 ? t : null;
  });

  return {
    async insert(t) {
      if (q.insert.run(topicParams(t)).changes === 1) return { topic: t, created: true };
      const before = q.byRequest.get(t.openedBy, t.clientRequestId);
      if (!before) throw new Error(`topic ${t.id} was refused but no topic of ${t.openedBy} has request ${t.clientRequestId}`);
      return { topic: toTopic(before), created: false };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toTopic(r) : null;
    },
    async update(next, version) {
      return update(next, version);
    },
    async list(tq, limit, offset) {
      const f = filter(tq);
      if (!f) return { topics: [], total: 0 };
      const total = (stmt(`SELECT COUNT(*) AS n FROM topics WHERE ${f.sql}`).get(...f.args) as { n: number }).n;
      const rows = stmt(`SELECT doc FROM topics WHERE ${f.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...f.args, limit, offset) as { doc: string }[];
      return { topics: rows.map(toTopic), total };
    },
    async awaitingDecision(path, before, limit) {
      return q.awaiting.all(before, path, path + END, limit).map(toTopic);
    },
    async decided(unitIds, limit) {
      if (unitIds.length === 0) return [];
      const sql = `SELECT doc FROM topics WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND status = 'decided' ORDER BY decided_at DESC, id DESC LIMIT ?`;
      return (stmt(sql).all(...unitIds, limit) as { doc: string }[]).map(toTopic);
    },
    async forReport(reportId) {
      return q.forReport.all(reportId).map(toTopic);
    },

    async say(o) {
      if (q.say.run({ ...o, hidden: o.hidden === null ? null : JSON.stringify(o.hidden) }).changes === 1) return { opinion: o, created: true };
      const before = q.opinionByRequest.get(o.personId, o.topicId, o.clientRequestId);
      if (!before) throw new Error(`opinion ${o.id} was refused but no opinion of ${o.personId} on ${o.topicId} has request ${o.clientRequestId}`);
      return { opinion: toOpinion(before), created: false };
    },
    async getOpinion(id) {
      const r = q.opinion.get(id);
      return r ? toOpinion(r) : null;
    },
    async setHidden(id, hidden) {
      if (q.setHidden.run(hidden === null ? null : JSON.stringify(hidden), id).changes !== 1) return null;
      return toOpinion(q.opinion.get(id)!);
    },
    async opinions(topicId) {
      return q.opinions.all(topicId).map(toOpinion);
    },
    async opinionCounts(topicIds) {
      const out = new Map<string, number>();
      const ids = [...new Set(topicIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const sql = `SELECT topic_id, COUNT(*) AS n FROM opinions WHERE topic_id IN (${part.map(() => '?').join(',')}) AND hidden IS NULL GROUP BY topic_id`;
        for (const r of stmt(sql).all(...part) as { topic_id: string; n: number }[]) out.set(r.topic_id, r.n);
      }
      return out;
    },
    async opinionsBy(personId) {
      return q.opinionsBy.all(personId).map(toOpinion);
    },
    async scrubOpinionsBy(personId, text) {
      return q.scrub.run(text, personId, text).changes;
    },
  };
}
