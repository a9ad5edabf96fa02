import type { Migration } from './migration';

export const v27: Migration = {
  version: 27,
  name: 'partners (共建单位): partners, linked members, resources, needs, projects (双向认领) and partner visits',
  // A partner and a project are one row each whose content is a JSON document (read whole: contact,
  // agreement, milestones, result), with the columns the lists query beside it. A partner's
  // communities are rows of partner_communities (its child, rewritten in the partner's transaction)
  // so a community's partners are an index read. Partners, resources, needs, projects and visits
  // are written once per (creator, client request id), a unique key: INSERT OR IGNORE writes one of
  // any number of racing requests and the others read the first back. partner_members' primary key
  // is the person: one partner a person, whatever races. A need is claimed by one UPDATE conditional
  // on status = 'open' in the transaction that inserts its project (sqlite/needs.ts).
  sql: `
    CREATE TABLE partners (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      contact_person_id TEXT,
      archived INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (created_by, client_request_id)
    );
    CREATE INDEX partners_name ON partners(name);
    CREATE INDEX partners_contact ON partners(contact_person_id, archived, name);
    CREATE TABLE partner_communities (
      community_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      PRIMARY KEY (community_id, partner_id)
    );
    CREATE INDEX partner_communities_partner ON partner_communities(partner_id);
    CREATE TABLE partner_members (
      person_id TEXT PRIMARY KEY,
      partner_id TEXT NOT NULL,
      checkin_id TEXT NOT NULL,
      linked_by TEXT NOT NULL,
      linked_at INTEGER NOT NULL
    );
    -- A partner's members, oldest link first (and their count).
    CREATE INDEX partner_members_partner ON partner_members(partner_id, linked_at, person_id);
    CREATE TABLE resources (
      id TEXT PRIMARY KEY,
      partner_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      amount TEXT NOT NULL,
      availability TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('offered', 'withdrawn')),
      created_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      UNIQUE (created_by, client_request_id)
    );
    -- Some partners' resources, newest first, all or of a status.
    CREATE INDEX resources_partner_created ON resources(partner_id, created_at DESC, id DESC);
    CREATE INDEX resources_partner_status_created ON resources(partner_id, status, created_at DESC, id DESC);
    CREATE TABLE needs (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      source TEXT NOT NULL,
      source_id TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'met', 'withdrawn')),
      partner_id TEXT,
      project_id TEXT,
      posted_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      UNIQUE (posted_by, client_request_id)
    );
    -- Some communities' needs, newest first, all or of a status; the needs posted in a period.
    CREATE INDEX needs_community_created ON needs(community_id, created_at DESC, id DESC);
    CREATE INDEX needs_community_status_created ON needs(community_id, status, created_at DESC, id DESC);
    CREATE TABLE projects (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      need_id TEXT,
      status TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'done', 'declined', 'cancelled')),
      proposed_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (proposed_by, client_request_id)
    );
    -- Some communities' or partners' projects, newest first, all or of a status; a community's year.
    CREATE INDEX projects_community_created ON projects(community_id, created_at DESC, id DESC);
    CREATE INDEX projects_community_status_created ON projects(community_id, status, created_at DESC, id DESC);
    CREATE INDEX projects_partner_created ON projects(partner_id, created_at DESC, id DESC);
    CREATE INDEX projects_partner_status_created ON projects(partner_id, status, created_at DESC, id DESC);
    CREATE TABLE partner_visits (
      id TEXT PRIMARY KEY,
      partner_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      day TEXT NOT NULL,
      met TEXT NOT NULL,
      raised TEXT NOT NULL,
      feedback TEXT NOT NULL,
      need_id TEXT,
      report_id TEXT,
      recorded_by TEXT NOT NULL,
      client_request_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (recorded_by, client_request_id)
    );
    -- A community's visits and some partners' (in a day range), newest day first; each partner's latest day.
    CREATE INDEX partner_visits_community_day ON partner_visits(community_id, day DESC, created_at DESC, id DESC);
    CREATE INDEX partner_visits_partner_day ON partner_visits(partner_id, day DESC, created_at DESC, id DESC);
    CREATE INDEX partner_visits_partner_community_day ON partner_visits(partner_id, community_id, day);
  `,
};
