import type { Migration } from './migration';

export const v18: Migration = {
  version: 18,
  name: 'pairings (联户) and their visits (走访)',
  // A pairing's id is `<memberId>:<householdKey>`: the primary key pairs a member with a household
  // once. A visit is recorded once per (member, client request id): a retried request finds it.
  sql: `
    CREATE TABLE pairings (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL,
      building_id TEXT NOT NULL,
      door TEXT NOT NULL,
      household_key TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      community_id TEXT NOT NULL,
      kinds TEXT NOT NULL,
      contact_name TEXT,
      contact_phone TEXT,
      status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
      visits INTEGER NOT NULL DEFAULT 0,
      last_visit_on TEXT,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      ended_at INTEGER,
      ended_by TEXT,
      end_reason TEXT,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL
    );
    -- A subtree's pairings (a compound, a grid, a community) by building; a member's own.
    CREATE INDEX pairings_path ON pairings(unit_path, id);
    CREATE INDEX pairings_member ON pairings(member_id, unit_path);
    CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      pairing_id TEXT NOT NULL REFERENCES pairings(id),
      member_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      date TEXT NOT NULL,
      done TEXT NOT NULL,
      needs TEXT,
      report_id TEXT,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (member_id, client_request_id)
    );
    -- A pairing's visits and a subtree's, latest first.
    CREATE INDEX visits_pairing ON visits(pairing_id, date DESC, created_at DESC);
    CREATE INDEX visits_path ON visits(unit_path, date DESC);
  `,
};
