import type { Migration } from './migration';

export const v03: Migration = {
  version: 3,
  name: 'reports and their timeline',
  sql: `
    CREATE TABLE reports (
      id TEXT PRIMARY KEY,
      client_request_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      resident_id TEXT,
      unit_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      community_id TEXT,
      category TEXT NOT NULL,
      status TEXT NOT NULL,
      level TEXT NOT NULL,
      handler_id TEXT,
      due_at INTEGER NOT NULL,
      next_check_at INTEGER,
      claim_owner TEXT,
      claim_until INTEGER,
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (created_by, client_request_id)
    );
    CREATE INDEX reports_next_check ON reports(next_check_at) WHERE next_check_at IS NOT NULL;
    CREATE INDEX reports_resident ON reports(resident_id, created_at DESC);
    CREATE INDEX reports_creator ON reports(created_by, created_at DESC);
    CREATE INDEX reports_path_due ON reports(unit_path, due_at);
    CREATE INDEX reports_handler_due ON reports(handler_id, due_at);
    CREATE INDEX reports_unit_category ON reports(unit_id, category, created_at);

    CREATE TABLE report_events (
      id TEXT PRIMARY KEY,
      report_id TEXT NOT NULL REFERENCES reports(id),
      at INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE INDEX report_events_report ON report_events(report_id, at, id);
  `,
};
