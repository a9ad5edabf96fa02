import type { Migration } from './migration';

export const v16: Migration = {
  version: 16,
  name: 'Open311 interface keys',
  sql: `
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL REFERENCES units(id),
      community_path TEXT NOT NULL,
      partner TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      shown TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES people(id),
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      revoked_at INTEGER,
      revoked_by TEXT,
      revoke_reason TEXT
    );
    -- The management page's list: a community's keys, newest first.
    CREATE INDEX api_keys_community_created ON api_keys(community_id, created_at DESC);
  `,
};
