import type { Database as Db, Statement } from 'better-sqlite3';

/**
 * Statements whose text depends on the call (IN lists, optional filters) are prepared once per
 * distinct text and kept; preparing costs more than running them. Bounded: the texts vary only with
 * list lengths and filter combinations.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (sql: string): Statement => {
    let s = prepared.get(sql);
    if (!s) {
      if (prepared.size >= 500) prepared.clear();
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
}
