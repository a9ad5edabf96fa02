/**
 * The embedded default adapter: SQLite through better-sqlite3, WAL mode. One file per repository
 * (units.ts, reports.ts, …) beside the engine's kit (statement cache, group commit, checkpointer).
 * better-sqlite3 is synchronous; each method runs one statement or one transaction, so the
 * async port never interleaves halfway through a write.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { Store } from '../port';
import { sqliteApiKeys } from './api-keys';
import { sqliteAudit } from './audit';
import { sqliteBindings } from './bindings';
import { sqliteCheckins } from './checkins';
import { sqliteCodes } from './codes';
import { sqliteHolidays } from './holidays';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { sqliteImportJobs } from './import-jobs';
import { sqliteImports } from './imports';
import { sqliteKit } from './kit';
import { sqliteLectures } from './lectures';
import { sqliteMessages } from './messages';
import { sqliteMeta } from './meta';
import { MIGRATIONS } from './migrations';
import { sqliteNoticeFanouts } from './notice-fanouts';
import { sqlitePairings } from './pairings';
import { sqlitePeople } from './people';
import { sqlitePoints } from './points';
import { sqliteRateLimits } from './rate-limits';
import { sqliteRegistrations } from './registrations';
import { sqliteReportQueries } from './report-queries';
import { sqliteReports } from './reports';
import { sqliteServiceRecords } from './service-records';
import { sqliteSessions } from './sessions';
import { sqliteShop } from './shop';
import { sqliteSpeakers } from './speakers';
import { sqliteSubscribeSends } from './subscribe-sends';
import { sqliteUnits } from './units';
import { sqliteWishes } from './wishes';
import { sqlitePropertyCompanies } from './property-companies';
import { sqliteAssessments } from './assessments';
import { sqliteTopics } from './topics';
import { sqliteVotes } from './votes';
import { sqliteCompoundRules } from './compound-rules';
import { sqlitePartners } from './partners';
import { sqliteNeeds } from './needs';
import { sqliteProjects } from './projects';
import { sqlitePartnerVisits } from './partner-visits';

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied++;
  }
  return applied;
}

export interface SqliteOptions {
  /**
   * Checkpoint from a background thread (the local server does). The connection then checkpoints
   * by itself only if the WAL passes 16,000 pages (64 MB), i.e. if the thread falls behind.
   */
  backgroundCheckpoints?: boolean;
}

export function openSqliteStore(file: string, opts: SqliteOptions = {}): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  let checkpointer: Checkpointer | null = null;
  if (opts.backgroundCheckpoints) {
    db.pragma('wal_autocheckpoint = 16000');
    checkpointer = startCheckpointer(file);
  }
  const kit = sqliteKit(db);

  return {
    kind: 'sqlite',
    units: sqliteUnits(db, kit),
    people: sqlitePeople(db, kit),
    bindings: sqliteBindings(db, kit),
    sessions: sqliteSessions(db),
    audit: sqliteAudit(db, kit),
    messages: sqliteMessages(db, kit),
    reports: sqliteReports(db, kit),
    reportQueries: sqliteReportQueries(kit),
    meta: sqliteMeta(db),
    imports: sqliteImports(db, kit),
    importJobs: sqliteImportJobs(db, kit),
    holidays: sqliteHolidays(db),
    codes: sqliteCodes(db, kit),
    rateLimits: sqliteRateLimits(db),
    registrations: sqliteRegistrations(db, kit),
    lectures: sqliteLectures(db, kit),
    speakers: sqliteSpeakers(db, kit),
    apiKeys: sqliteApiKeys(db),
    subscribeSends: sqliteSubscribeSends(db),
    noticeFanouts: sqliteNoticeFanouts(db),
    checkins: sqliteCheckins(db, kit),
    pairings: sqlitePairings(db, kit),
    points: sqlitePoints(db, kit),
    shop: sqliteShop(db, kit),
    serviceRecords: sqliteServiceRecords(db, kit),
    wishes: sqliteWishes(db, kit),
    propertyCompanies: sqlitePropertyCompanies(db, kit),
    assessments: sqliteAssessments(db, kit),
    topics: sqliteTopics(db, kit),
    votes: sqliteVotes(db, kit),
    compoundRules: sqliteCompoundRules(db, kit),
    partners: sqlitePartners(db, kit),
    needs: sqliteNeeds(db, kit),
    projects: sqliteProjects(db, kit),
    partnerVisits: sqlitePartnerVisits(db, kit),
    async close() {
      kit.flush();
      await checkpointer?.stop();
      db.close();
    },
  };
}
