/**
 * Household votes on SQLite: one row per topic and household, its id `<topicId>:<householdKey>`
 * the primary key. cast is one transaction that reads the topic (open, vote.at inside its voting
 * time) and the household's vote and writes it: better-sqlite3 runs it whole before the next
 * request, so of any number cast at once each sees the last one's row, and none lands on a topic
 * that closed or was decided before it.
 */
import type { Database as Db } from 'better-sqlite3';
import { voteId, type Vote } from '../../../../src/core';
import type { CastResult, VoteRepo } from '../port';
import type { SqliteKit } from './kit';
import { CHUNK } from './rows';

interface VoteRow {
  id: string;
  topic_id: string;
  household_key: string;
  building_id: string;
  option_id: string;
  person_id: string;
  at: number;
  changes: number;
}

const toVote = (r: VoteRow): Vote => ({
  id: r.id,
  topicId: r.topic_id,
  householdKey: r.household_key,
  buildingId: r.building_id,
  optionId: r.option_id,
  personId: r.person_id,
  at: r.at,
  changes: r.changes,
});

export function sqliteVotes(db: Db, { stmt }: SqliteKit): VoteRepo {
  const q = {
    topic: db.prepare<[string], { status: string; vote_opens_at: number | null; vote_closes_at: number | null }>(
      'SELECT status, vote_opens_at, vote_closes_at FROM topics WHERE id = ?',
    ),
    get: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO votes (id, topic_id, household_key, building_id, option_id, person_id, at, changes)
       VALUES (@id, @topicId, @householdKey, @buildingId, @optionId, @personId, @at, @changes)`,
    ),
    change: db.prepare('UPDATE votes SET building_id = @buildingId, option_id = @optionId, person_id = @personId, at = @at, changes = @changes WHERE id = @id'),
    tally: db.prepare<[string], { option_id: string; n: number }>('SELECT option_id, COUNT(*) AS n FROM votes WHERE topic_id = ? GROUP BY option_id'),
    castBy: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE person_id = ? ORDER BY at DESC, id DESC'),
    reassign: db.prepare<[string, string]>('UPDATE votes SET person_id = ? WHERE person_id = ?'),
  };

  const cast = db.transaction((v: Vote): CastResult => {
    const topic = q.topic.get(v.topicId);
    if (!topic) return { ok: false, reason: 'no_topic' };
    const { status, vote_opens_at: opens, vote_closes_at: closes } = topic;
    if (status !== 'open' || opens === null || closes === null || v.at < opens || v.at > closes) return { ok: false, reason: 'closed' };
    const before = q.get.get(v.id);
    if (!before) {
      const first: Vote = { ...v, changes: 0 };
      q.insert.run(first);
      return { ok: true, vote: first, changed: false };
    }
    // The same choice sent again (a retry, or another of the household agreeing) changes nothing.
    if (before.option_id === v.optionId) return { ok: true, vote: toVote(before), changed: false };
    const changed: Vote = { ...v, changes: before.changes + 1 };
    q.change.run(changed);
    return { ok: true, vote: changed, changed: true };
  });

  return {
    async cast(v) {
      if (v.id !== voteId(v.topicId, v.householdKey)) throw new Error(`vote ${v.id} is not ${voteId(v.topicId, v.householdKey)}`);
      return cast(v);
    },
    async ofHousehold(topicId, householdKey) {
      const r = q.get.get(voteId(topicId, householdKey));
      return r ? toVote(r) : null;
    },
    async tally(topicId) {
      const counts: Record<string, number> = {};
      let voted = 0;
      for (const r of q.tally.all(topicId)) {
        counts[r.option_id] = r.n;
        voted += r.n;
      }
      return { counts, voted };
    },
    async votedCounts(topicIds) {
      const out = new Map<string, number>();
      const ids = [...new Set(topicIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const sql = `SELECT topic_id, COUNT(*) AS n FROM votes WHERE topic_id IN (${part.map(() => '?').join(',')}) GROUP BY topic_id`;
        for (const r of stmt(sql).all(...part) as { topic_id: string; n: number }[]) out.set(r.topic_id, r.n);
      }
      return out;
    },
    async castBy(personId) {
      return q.castBy.all(personId).map(toVote);
    },
    async reassign(personId, by) {
      return q.reassign.run(by, personId).changes;
    },
  };
}
