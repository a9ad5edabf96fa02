import type { Migration } from './migration';

export const v12: Migration = {
  version: 12,
  name: 'party members’ check-ins',
  // The check-in as a JSON doc beside the columns its lists, filters and uniqueness read. One
  // pending check-in per applicant is the partial unique indexes' to keep (checkins.ts).
  sql: `
    CREATE TABLE checkins (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('pending','approved','returned','transferred_out','withdrawn')),
      openid TEXT,
      applicant_id TEXT REFERENCES people(id),
      person_id TEXT REFERENCES people(id),
      code_id TEXT NOT NULL,
      unit_id TEXT NOT NULL REFERENCES units(id),
      unit_path TEXT NOT NULL,
      member_type TEXT NOT NULL CHECK (member_type IN ('in_service','retired','mobile','direct')),
      veteran INTEGER NOT NULL,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE UNIQUE INDEX checkins_pending_openid ON checkins(openid) WHERE status = 'pending' AND openid IS NOT NULL;
    CREATE UNIQUE INDEX checkins_pending_applicant ON checkins(applicant_id) WHERE status = 'pending' AND applicant_id IS NOT NULL;
    -- The approval queue: a subtree's pending ones, oldest first.
    CREATE INDEX checkins_queue ON checkins(status, unit_path, created_at);
    -- The roster and the tallies: a subtree by unit, then name.
    CREATE INDEX checkins_roster ON checkins(unit_path, name, id);
    -- An applicant's own, newest first: by WeChat, as a person, and as the person approval bound.
    CREATE INDEX checkins_openid ON checkins(openid, created_at DESC) WHERE openid IS NOT NULL;
    CREATE INDEX checkins_applicant ON checkins(applicant_id, created_at DESC) WHERE applicant_id IS NOT NULL;
    CREATE INDEX checkins_person ON checkins(person_id, created_at DESC) WHERE person_id IS NOT NULL;
  `,
};
