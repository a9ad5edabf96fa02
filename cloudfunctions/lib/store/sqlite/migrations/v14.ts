import type { Migration } from './migration';

export const v14: Migration = {
  version: 14,
  name: 'lectures, their sign-ups and the speaker pool',
  // Columns only, no JSON doc: every change of a sign-up's place rewrites a few columns inside one
  // transaction (lectures.ts). The lecture holds the counters; its CHECK keeps the confirmed seats
  // within the capacity, and the unique (lecture_id, seq) keeps sequence numbers from repeating.
  sql: `
    CREATE TABLE speakers (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL REFERENCES units(id),
      name TEXT NOT NULL,
      title TEXT,
      field TEXT,
      affiliation TEXT,
      contact TEXT,
      archived INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL
    );
    -- A community's pool by name.
    CREATE INDEX speakers_community_name ON speakers(community_id, name, id);

    CREATE TABLE lectures (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL REFERENCES units(id),
      community_path TEXT NOT NULL,
      title TEXT NOT NULL,
      speaker_id TEXT NOT NULL REFERENCES speakers(id),
      description TEXT NOT NULL,
      picture TEXT,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      venue TEXT NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity >= 1),
      open_to TEXT NOT NULL,
      signup_from INTEGER NOT NULL,
      signup_until INTEGER NOT NULL,
      companions_allowed INTEGER NOT NULL CHECK (companions_allowed >= 0),
      status TEXT NOT NULL CHECK (status IN ('draft','published','cancelled')),
      confirmed_seats INTEGER NOT NULL DEFAULT 0,
      waiting INTEGER NOT NULL DEFAULT 0 CHECK (waiting >= 0),
      next_seq INTEGER NOT NULL DEFAULT 1,
      venue_secret TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      published_at INTEGER,
      cancelled_at INTEGER,
      cancelled_by TEXT,
      cancel_reason TEXT,
      version INTEGER NOT NULL,
      CHECK (confirmed_seats >= 0 AND confirmed_seats <= capacity)
    );
    -- A community's lectures by start (the management list, a month's figures, residents' list).
    CREATE INDEX lectures_community_starts ON lectures(community_id, starts_at);
    -- The timer: published lectures by start (reminders, the waiting lists' catch-up).
    CREATE INDEX lectures_status_starts ON lectures(status, starts_at);

    CREATE TABLE lecture_signups (
      id TEXT PRIMARY KEY,
      lecture_id TEXT NOT NULL REFERENCES lectures(id),
      person_id TEXT NOT NULL REFERENCES people(id),
      companions INTEGER NOT NULL CHECK (companions >= 0),
      seats INTEGER NOT NULL CHECK (seats >= 1),
      status TEXT NOT NULL CHECK (status IN ('confirmed','waiting','cancelled')),
      seq INTEGER NOT NULL,
      ticket TEXT NOT NULL,
      signed_up_at INTEGER NOT NULL,
      confirmed_at INTEGER,
      promoted_at INTEGER,
      cancelled_at INTEGER,
      attended_at INTEGER,
      attended_by TEXT,
      attended_via TEXT CHECK (attended_via IN ('ticket','venue','list')),
      reminded_at INTEGER
    );
    CREATE UNIQUE INDEX lecture_signups_seq ON lecture_signups(lecture_id, seq);
    -- The waiting list in order (and a place on it: the waiting ones with a lower seq), the roster, reminders.
    CREATE INDEX lecture_signups_queue ON lecture_signups(lecture_id, status, seq);
    -- 我的报名: a person's sign-ups, latest first.
    CREATE INDEX lecture_signups_person ON lecture_signups(person_id, signed_up_at DESC);
  `,
};
