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
  {
    version: 4,
    name: 'perf',
    sql: `
      -- Finding a report's handlers reads the handler roles on a few units, not every resident.
      CREATE INDEX bindings_unit_role ON bindings(unit_id, role);
    `,
  },
  {
    // (Version 4 is another change's; the runner applies whatever versions a database lacks, in order.)
    version: 5,
    name: 'desk',
    sql: `
      -- What the management page filters and aggregates on, as real columns beside the JSON doc
      -- (written with every insert and save; backfilled here from the doc).
      ALTER TABLE reports ADD COLUMN channel TEXT NOT NULL DEFAULT 'resident';
      ALTER TABLE reports ADD COLUMN breached INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reports ADD COLUMN escalations INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reports ADD COLUMN disputes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reports ADD COLUMN rating TEXT;
      ALTER TABLE reports ADD COLUMN resolved_at INTEGER;
      ALTER TABLE reports ADD COLUMN resolved_level TEXT;
      -- First responded by the first response deadline (the response rate's numerator).
      ALTER TABLE reports ADD COLUMN responded_on_time INTEGER NOT NULL DEFAULT 0;
      -- Not rejected as a duplicate (the figures count only these).
      ALTER TABLE reports ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE reports ADD COLUMN follow_up_open INTEGER NOT NULL DEFAULT 0;
      -- Description, location, contact name and id: what the desk's text search looks in.
      ALTER TABLE reports ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      UPDATE reports SET
        channel = json_extract(doc, '$.channel'),
        breached = CASE WHEN json_extract(doc, '$.breached') THEN 1 ELSE 0 END,
        escalations = json_extract(doc, '$.escalations'),
        disputes = json_extract(doc, '$.disputes'),
        rating = json_extract(doc, '$.rating'),
        resolved_at = json_extract(doc, '$.resolvedAt'),
        resolved_level = json_extract(doc, '$.resolvedLevel'),
        responded_on_time = CASE WHEN json_extract(doc, '$.respondedAt') IS NOT NULL AND json_extract(doc, '$.respondedAt') <= json_extract(doc, '$.firstRespondBy') THEN 1 ELSE 0 END,
        counted = CASE WHEN json_extract(doc, '$.duplicateOf') IS NULL THEN 1 ELSE 0 END,
        follow_up_open = CASE WHEN json_extract(doc, '$.followUp.status') = 'open' THEN 1 ELSE 0 END,
        search_text = json_extract(doc, '$.description') || char(10) || ifnull(json_extract(doc, '$.location'), '') || char(10) ||
          ifnull(json_extract(doc, '$.contactName'), '') || char(10) || id;
      -- The dashboard's open counts: only open rows, covering (status, subtree, level, deadline).
      CREATE INDEX reports_desk_open ON reports(status, unit_path, level, due_at);
      -- The dashboard's monthly figures: covering, so 200,000 reports aggregate without reading a doc.
      CREATE INDEX reports_desk_month ON reports(unit_path, created_at, counted, responded_on_time, resolved_at, breached, rating, resolved_level, category);
      -- The meeting agenda: timeline entries of a date range.
      CREATE INDEX report_events_at ON report_events(at);
      -- The import matches residents by phone.
      CREATE INDEX people_phone ON people(phone);

      -- The audit log is scoped by the unit subtree the act happened in.
      ALTER TABLE audit ADD COLUMN unit_path TEXT;
      UPDATE audit SET unit_path = (SELECT path FROM units WHERE units.id = audit.target_id) WHERE target_kind = 'unit';
      UPDATE audit SET unit_path = (SELECT path FROM units WHERE units.id = json_extract(audit.detail, '$.unitId')) WHERE target_kind = 'binding';
      CREATE INDEX audit_path_at ON audit(unit_path, at);
      CREATE INDEX audit_actor_at ON audit(actor_id, at);
    `,
  },
  {
    version: 6,
    name: 'claims',
    // The timer's claims move out of the report row into a table of their own. A claim written
    // into the row made the sweep write each report's table page twice (claim, then save), and
    // those pages are most of what a sweep writes: a million reports with ten thousand overdue
    // spread through them means ten thousand pages for each pass. Claims taken together sit
    // together here, a few dozen pages for a whole batch.
    sql: `
      CREATE TABLE report_claims (
        report_id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        until INTEGER NOT NULL
      ) WITHOUT ROWID;
      UPDATE reports SET doc = json_remove(doc, '$.claimOwner', '$.claimUntil');
      ALTER TABLE reports DROP COLUMN claim_owner;
      ALTER TABLE reports DROP COLUMN claim_until;
    `,
  },
  {
    version: 7,
    name: 'people: the unit that created them',
    // A person bound nowhere is found only from the unit whose staff created them and the units
    // above it. People recorded before get the unit their 'people.create' audit entry was scoped
    // to (the last id of its path: the unit may have moved since), else the top staff unit of
    // whoever created them (entries from before audit entries had a unit); with neither they stay
    // NULL: of unknown origin, found from the street only.
    sql: `
      ALTER TABLE people ADD COLUMN created_in_unit_id TEXT REFERENCES units(id);
      UPDATE people SET created_in_unit_id = (
        SELECT u.id FROM audit a JOIN units u ON substr(a.unit_path, length(a.unit_path) - length(u.id) - 1) = '/' || u.id || '/'
        WHERE a.action = 'people.create' AND a.target_id = people.id
        ORDER BY a.at, a.id LIMIT 1
      );
      UPDATE people SET created_in_unit_id = (
        SELECT u.id FROM audit a JOIN bindings b ON b.person_id = a.actor_id JOIN units u ON u.id = b.unit_id
        WHERE a.action = 'people.create' AND a.target_id = people.id
          AND b.role IN ('community_staff', 'community_secretary', 'street_officer')
        ORDER BY length(u.path), u.id LIMIT 1
      )
      WHERE created_in_unit_id IS NULL;
    `,
  },
  {
    version: 8,
    name: 'holidays: the years each street entered',
    // One row per street and year that staff entered; library years are not copied (core/holidays.ts).
    sql: `
      CREATE TABLE holiday_years (
        street_id TEXT NOT NULL REFERENCES units(id),
        year INTEGER NOT NULL,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (street_id, year)
      ) WITHOUT ROWID;
      -- The missing-year warning: which streets have a year.
      CREATE INDEX holiday_years_year ON holiday_years(year, street_id);
    `,
  },
  {
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
  },
  {
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
  },
  {
    version: 11,
    name: 'a building’s WeChat group',
    // The group's openGId on its building; a group is on one unit at most (UnitRepo.setGroup), which
    // this index keeps: partial, so the many units without a group never collide.
    sql: `
      ALTER TABLE units ADD COLUMN group_id TEXT;
      CREATE UNIQUE INDEX units_group ON units(group_id) WHERE group_id IS NOT NULL;
    `,
  },
  {
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
  },
  {
    version: 13,
    name: 'subscribe-message sends per day, kind and template',
    // Counted by upsert (subscribe-sends.ts); the management page reads the last days, newest first.
    sql: `
      CREATE TABLE subscribe_sends (
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        template_id TEXT NOT NULL,
        sent INTEGER NOT NULL,
        refused INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        last_error TEXT,
        last_error_at INTEGER,
        PRIMARY KEY (day, kind, template_id)
      ) WITHOUT ROWID;
    `,
  },
  {
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
  },
  {
    version: 15,
    name: 'the desk’s text search',
    // An FTS5 index of each report's search_text (report-search.ts has the why): `text`, the text itself
    // (its trigrams find queries of 3 characters and more), and `grams`, the text with U+0001 between
    // its characters (its trigrams are the text's single characters and pairs: queries of 1 and 2).
    // The view computes both in SQL (characters split by json_each over a made-up array of the text's
    // length), so this backfill, the adapter's batches and the triggers index alike. Reports above
    // report_search_state.indexed_to are not indexed yet; a search reads them with LIKE.
    sql: `
      CREATE VIRTUAL TABLE report_search USING fts5(text, grams, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1);
      CREATE VIEW report_search_source AS
        SELECT reports.rowid AS rowid, lower(reports.search_text) AS text, char(1) || (
          SELECT group_concat(lower(substr(reports.search_text, j.key + 1, 1)), char(1) ORDER BY j.key)
          FROM json_each('[' || substr(replace(printf('%.*c', length(reports.search_text), '0'), '0', ',0'), 2) || ']') AS j
        ) || char(1) AS grams
        FROM reports;
      CREATE TABLE report_search_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_to INTEGER NOT NULL);
      INSERT INTO report_search (rowid, text, grams) SELECT rowid, text, grams FROM report_search_source;
      INSERT INTO report_search_state (id, indexed_to) VALUES (1, (SELECT ifnull(max(rowid), 0) FROM reports));
      -- A save names search_text only when it changed (report-columns.ts); an indexed report is reindexed.
      CREATE TRIGGER reports_search_text AFTER UPDATE OF search_text ON reports
        WHEN new.rowid <= (SELECT indexed_to FROM report_search_state) AND new.search_text IS NOT old.search_text
      BEGIN
        INSERT OR REPLACE INTO report_search (rowid, text, grams) SELECT rowid, text, grams FROM report_search_source WHERE rowid = new.rowid;
      END;
      -- Reports are never deleted; if one were, a new report could take its rowid, so the mark goes below it.
      CREATE TRIGGER reports_search_delete AFTER DELETE ON reports
      BEGIN
        DELETE FROM report_search WHERE rowid = old.rowid;
        UPDATE report_search_state SET indexed_to = min(indexed_to, old.rowid - 1);
      END;
    `,
  },
  {
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
  },
  {
    version: 17,
    name: 'import jobs: staged rows applied in chunks',
    // An import as a job (import-jobs.ts): its planned rows in chunks of bounded size, checked and then
    // written a step at a time, progress saved after each. Finished jobs stay (the page reads why one
    // was rolled back); their chunks go.
    sql: `
      CREATE TABLE import_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('units', 'residents')),
        unit_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_ref TEXT NOT NULL,
        rows INTEGER NOT NULL,
        chunks INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('staging', 'checking', 'publishing', 'done', 'rolledBack')),
        done INTEGER NOT NULL,
        counts TEXT NOT NULL,
        failure TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      -- The timer's list of jobs not finished, least recently moved first.
      CREATE INDEX import_jobs_open ON import_jobs(state, updated_at);
      CREATE TABLE import_job_chunks (
        job_id TEXT NOT NULL REFERENCES import_jobs(id),
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (job_id, seq)
      );
    `,
  },
];
