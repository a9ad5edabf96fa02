/**
 * Compound rules (小区管理公约) on SQLite: a row per version, its id `<compoundId>:<version>`. adopt
 * reads the newest version and writes the next in one transaction, so of any number adopted at once
 * on one version the first writes and the rest find the version moved.
 */
import type { Database as Db } from 'better-sqlite3';
import { compoundRulesId, type CompoundRules } from '../../../../src/core';
import type { CompoundRulesRepo } from '../port';
import type { SqliteKit } from './kit';

interface RulesRow {
  id: string;
  compound_id: string;
  community_id: string;
  version: number;
  text: string;
  topic_id: string | null;
  note: string;
  adopted_by: string;
  adopted_at: number;
}

const toRules = (r: RulesRow): CompoundRules => ({
  id: r.id,
  compoundId: r.compound_id,
  communityId: r.community_id,
  version: r.version,
  text: r.text,
  topicId: r.topic_id,
  note: r.note,
  adoptedBy: r.adopted_by,
  adoptedAt: r.adopted_at,
});

export function sqliteCompoundRules(db: Db, _kit: SqliteKit): CompoundRulesRepo {
  const q = {
    newest: db.prepare<[string], { version: number }>('SELECT version FROM compound_rules WHERE compound_id = ? ORDER BY version DESC LIMIT 1'),
    current: db.prepare<[string], RulesRow>('SELECT * FROM compound_rules WHERE compound_id = ? ORDER BY version DESC LIMIT 1'),
    history: db.prepare<[string], RulesRow>('SELECT * FROM compound_rules WHERE compound_id = ? ORDER BY version DESC'),
    insert: db.prepare(
      `INSERT INTO compound_rules (id, compound_id, community_id, version, text, topic_id, note, adopted_by, adopted_at)
       VALUES (@id, @compoundId, @communityId, @version, @text, @topicId, @note, @adoptedBy, @adoptedAt)`,
    ),
  };

  const adopt = db.transaction((r: CompoundRules, expectedVersion: number): CompoundRules | null => {
    if ((q.newest.get(r.compoundId)?.version ?? 0) !== expectedVersion) return null;
    q.insert.run(r);
    return r;
  });

  return {
    async adopt(r, expectedVersion) {
      if (r.version !== expectedVersion + 1 || r.id !== compoundRulesId(r.compoundId, r.version)) {
        throw new Error(`rules ${r.id} (version ${r.version}) do not follow version ${expectedVersion}`);
      }
      return adopt(r, expectedVersion);
    },
    async current(compoundId) {
      const r = q.current.get(compoundId);
      return r ? toRules(r) : null;
    },
    async history(compoundId) {
      return q.history.all(compoundId).map(toRules);
    },
  };
}
