import type { Migration } from './migration';

export const v23: Migration = {
  version: 23,
  name: 'service records (服务记录) and micro-wishes (微心愿)',
  // A record is written once per (person, client request id) and a wish once per (poster, client
  // request id): a retried request finds the first. A wish's claim is a conditional update on its
  // status (sqlite/wishes.ts). Every list the pages show has an index here: a subtree's by status,
  // a person's own, and the two timer jobs' (open wishes by day, fulfilled ones by fulfilment time).
  sql: `
    CREATE TABLE service_records (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      what TEXT NOT NULL,
      date TEXT NOT NULL,
      minutes INTEGER NOT NULL,
      for_whom TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
      points INTEGER,
      decided_by TEXT,
      decided_at INTEGER,
      reject_reason TEXT,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      UNIQUE (person_id, client_request_id)
    );
    -- A person's records and a subtree's (those to confirm first), latest date first.
    CREATE INDEX service_records_person ON service_records(person_id, date DESC, created_at DESC);
    CREATE INDEX service_records_status_path ON service_records(status, unit_path, date DESC);
    CREATE INDEX service_records_path ON service_records(unit_path, date DESC);
    CREATE TABLE wishes (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      building_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      door TEXT NOT NULL,
      wisher_id TEXT,
      what TEXT NOT NULL,
      for_whom TEXT NOT NULL,
      by_date TEXT NOT NULL,
      posted_by TEXT NOT NULL,
      posted_via TEXT NOT NULL,
      lead_id TEXT,
      phone_shared INTEGER NOT NULL,
      phone TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'expired', 'withdrawn')),
      approved_by TEXT,
      approved_at INTEGER,
      reject_reason TEXT,
      claimer_id TEXT,
      claimed_at INTEGER,
      fulfil_note TEXT,
      fulfil_photos TEXT NOT NULL,
      fulfilled_at INTEGER,
      confirmed_at INTEGER,
      confirmed_by TEXT,
      points INTEGER,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      UNIQUE (posted_by, client_request_id)
    );
    -- A subtree's wishes, newest first: by status (open ones to browse, pending ones to approve) or all.
    CREATE INDEX wishes_status_path ON wishes(status, unit_path, created_at DESC);
    CREATE INDEX wishes_path ON wishes(unit_path, created_at DESC);
    -- A person's own: posted by them or for them, and claimed by them.
    CREATE INDEX wishes_posted ON wishes(posted_by, created_at DESC);
    CREATE INDEX wishes_wisher ON wishes(wisher_id, created_at DESC);
    CREATE INDEX wishes_claimer ON wishes(claimer_id, created_at DESC);
    -- The timer: open wishes past their day, fulfilled ones nobody confirmed.
    CREATE INDEX wishes_status_day ON wishes(status, by_date, id);
    CREATE INDEX wishes_status_fulfilled ON wishes(status, fulfilled_at, id);
  `,
};
