/**
 * Forward-only migrations. Append new entries; never edit one that has shipped.
 * Every list the app shows has an index here.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'units, people, bindings, sessions, audit, meta',
    sql: `
      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES units(id),
        kind TEXT NOT NULL CHECK (kind IN ('street','community','compound','grid','building')),
        name TEXT NOT NULL,
        path TEXT NOT NULL UNIQUE,
        archived INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX units_parent ON units(parent_id);
      CREATE UNIQUE INDEX units_live_sibling_name ON units(ifnull(parent_id, ''), name) WHERE archived = 0;

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT,
        username TEXT UNIQUE,
        openid TEXT UNIQUE,
        password_hash TEXT,
        demo INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX people_name ON people(name);

      CREATE TABLE bindings (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        unit_id TEXT NOT NULL REFERENCES units(id),
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        UNIQUE (person_id, unit_id, role)
      );
      CREATE INDEX bindings_unit ON bindings(unit_id);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_expires ON sessions(expires_at);

      CREATE TABLE audit (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_kind TEXT NOT NULL,
        target_id TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_target ON audit(target_id, at);
      CREATE INDEX audit_at ON audit(at);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'in-app messages',
    sql: `
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        page TEXT,
        created_at INTEGER NOT NULL,
        read_at INTEGER
      );
      CREATE INDEX messages_person_created ON messages(person_id, created_at DESC, id DESC);
      CREATE INDEX messages_person_unread ON messages(person_id) WHERE read_at IS NULL;
    `,
  },
  {
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
  },
];
