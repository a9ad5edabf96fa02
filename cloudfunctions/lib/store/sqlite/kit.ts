import type { Database as Db, Statement } from 'better-sqlite3';
import { groupCommit } from './group-commit';
import { statementCache } from './statement-cache';

/** What every repository of the SQLite adapter shares besides the connection. */
export interface SqliteKit {
  /** A statement prepared once per distinct text (for SQL built per call). */
  stmt(sql: string): Statement;
  /** Runs `run` (a db.transaction) in the next group commit; resolves after that commit. */
  grouped<T>(run: () => T): Promise<T>;
}

export function sqliteKit(db: Db): SqliteKit & { flush(): void } {
  const { grouped, flush } = groupCommit(db);
  return { stmt: statementCache(db), grouped, flush };
}
