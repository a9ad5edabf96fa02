import type { Migration } from './migration';

export const v01: Migration = {
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
};
