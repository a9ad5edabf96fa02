import type { Migration } from './migration';

export const v09: Migration = {
  version: 9,
  name: 'codes and rate limits',
  // Columns only, no JSON doc: uses, scans, revocation and the image change by single
  // conditional UPDATEs (a use is one statement that checks and counts), which a doc would
  // have to mirror.
  sql: `
    CREATE TABLE codes (
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('building','member','venue','public','personal')),
      unit_id TEXT NOT NULL REFERENCES units(id),
      unit_path TEXT NOT NULL,
      person_id TEXT REFERENCES people(id),
      label TEXT,
      valid_from INTEGER,
      valid_until INTEGER,
      use_limit INTEGER,
      uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
      scans INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER,
      revoked_by TEXT,
      revoke_reason TEXT,
      image TEXT
    );
    -- A unit's codes, newest first (the management page), and a person's personal codes.
    CREATE INDEX codes_unit_created ON codes(unit_id, created_at DESC, id DESC);
    CREATE INDEX codes_person_created ON codes(person_id, created_at DESC, id DESC) WHERE person_id IS NOT NULL;

    -- Hits per key and window (resolving codes is public); old windows are purged by start.
    CREATE TABLE rate_limits (
      key TEXT NOT NULL,
      window_start INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (key, window_start)
    ) WITHOUT ROWID;
    CREATE INDEX rate_limits_window ON rate_limits(window_start);
  `,
};
