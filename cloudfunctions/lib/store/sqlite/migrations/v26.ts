import type { Migration } from './migration';

export const v26: Migration = {
  version: 26,
  name: 'deliberation (议事协商): topics, opinions, household votes and compound rules (公约)',
  // A topic is one row whose content is a JSON document (read whole); the columns beside it are what
  // the lists query and order by. closes_at is when it starts waiting for a decision (the vote's
  // close, or the opinions' end for an open question); decided_at is its decision's time. A topic is
  // written once per (opener, client request id) and an opinion once per (author, topic, client
  // request id): a retried request finds the first. A vote's id is <topicId>:<householdKey>, its
  // primary key: one row per household, written in a transaction that checks the topic
  // (sqlite/votes.ts). A rules version's id is <compoundId>:<version>: two adopting one version
  // cannot both write it.
  sql: `
    CREATE TABLE topics (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'decided', 'withdrawn')),
      report_id TEXT,
      opened_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      vote_opens_at INTEGER,
      vote_closes_at INTEGER,
      closes_at INTEGER NOT NULL,
      decided_at INTEGER,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (opened_by, client_request_id)
    );
    -- A resident's units' topics and a subtree's (staff), newest first, by status or all.
    CREATE INDEX topics_unit_created ON topics(unit_id, created_at DESC, id DESC);
    CREATE INDEX topics_path_created ON topics(unit_path, created_at DESC, id DESC);
    -- The 逢三说事 agenda: open topics past their close, oldest closing first.
    CREATE INDEX topics_status_closes ON topics(status, closes_at, unit_path);
    -- The public page: a compound's decided topics, newest decision first.
    CREATE INDEX topics_unit_decided ON topics(unit_id, status, decided_at DESC);
    CREATE INDEX topics_report ON topics(report_id, created_at DESC);
    CREATE TABLE opinions (
      id TEXT PRIMARY KEY,
      topic_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      text TEXT NOT NULL,
      hidden TEXT,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (person_id, topic_id, client_request_id)
    );
    -- A topic's opinions in order (and their counts); a person's own.
    CREATE INDEX opinions_topic_created ON opinions(topic_id, created_at, id);
    CREATE INDEX opinions_person_created ON opinions(person_id, created_at DESC, id DESC);
    CREATE TABLE votes (
      id TEXT PRIMARY KEY,
      topic_id TEXT NOT NULL,
      household_key TEXT NOT NULL,
      building_id TEXT NOT NULL,
      option_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      changes INTEGER NOT NULL
    );
    -- The tally (per option) and turnout; a person's own votes.
    CREATE INDEX votes_topic_option ON votes(topic_id, option_id);
    CREATE INDEX votes_person_at ON votes(person_id, at DESC, id DESC);
    CREATE TABLE compound_rules (
      id TEXT PRIMARY KEY,
      compound_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      text TEXT NOT NULL,
      topic_id TEXT,
      note TEXT NOT NULL,
      adopted_by TEXT NOT NULL,
      adopted_at INTEGER NOT NULL,
      UNIQUE (compound_id, version)
    );
  `,
};
