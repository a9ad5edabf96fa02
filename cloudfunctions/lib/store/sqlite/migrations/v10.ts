import type { Migration } from './migration';

export const v10: Migration = {
  version: 10,
  name: 'registrations, and a resident binding’s door',
  // The registration as a JSON doc beside the columns its lists and uniqueness read. One pending
  // registration per applicant is the partial unique indexes' to keep (registrations.ts).
  sql: `
    CREATE TABLE registrations (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
      openid TEXT,
      username TEXT,
      key_hash TEXT,
      applicant_id TEXT REFERENCES people(id),
      building_id TEXT NOT NULL REFERENCES units(id),
      building_path TEXT NOT NULL,
      person_id TEXT REFERENCES people(id),
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE UNIQUE INDEX registrations_pending_openid ON registrations(openid) WHERE status = 'pending' AND openid IS NOT NULL;
    CREATE UNIQUE INDEX registrations_pending_key ON registrations(key_hash) WHERE status = 'pending' AND key_hash IS NOT NULL;
    -- The approval queue: a subtree's pending ones, oldest first.
    CREATE INDEX registrations_queue ON registrations(status, building_path, created_at);
    -- An applicant's own, newest first; a web username's rejected ones.
    CREATE INDEX registrations_openid ON registrations(openid, created_at DESC) WHERE openid IS NOT NULL;
    CREATE INDEX registrations_key ON registrations(key_hash, created_at DESC) WHERE key_hash IS NOT NULL;
    CREATE INDEX registrations_applicant ON registrations(applicant_id, created_at DESC) WHERE applicant_id IS NOT NULL;
    CREATE INDEX registrations_username ON registrations(username, created_at DESC) WHERE username IS NOT NULL;

    -- A resident's door (a household) as JSON; null when not known (imports, roles without one).
    ALTER TABLE bindings ADD COLUMN door TEXT;
  `,
};
