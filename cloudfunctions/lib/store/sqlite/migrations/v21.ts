import type { Migration } from './migration';

export const v21: Migration = {
  version: 21,
  name: 'points (积分): the ledger and balances; the shop (积分超市): goods and redemptions',
  // An entry's id is its source's key (`lecture:<signupId>`, …): the primary key grants a source
  // once. The ledger is append-only; a person's balance is kept beside it and moved in the same
  // transaction, and its CHECK is a second line of defence behind the adapter's refusal. A goods'
  // stock likewise never goes below zero. A redemption's id is `<personId>:<clientRequestId>`.
  sql: `
    CREATE TABLE points_entries (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      unit_path TEXT NOT NULL,
      points INTEGER NOT NULL CHECK (points <> 0),
      reason TEXT NOT NULL,
      source_kind TEXT NOT NULL,
      source_id TEXT NOT NULL,
      granted_by TEXT,
      at INTEGER NOT NULL,
      balance_after INTEGER NOT NULL CHECK (balance_after >= 0)
    );
    -- A person's ledger, newest first; a subtree's (the staff's list, the export, the board) by time.
    CREATE INDEX points_entries_person ON points_entries(person_id, at DESC, id DESC);
    CREATE INDEX points_entries_path ON points_entries(unit_path, at DESC, id DESC);
    CREATE TABLE points_balances (
      person_id TEXT PRIMARY KEY,
      balance INTEGER NOT NULL CHECK (balance >= 0)
    );
    CREATE TABLE goods (
      id TEXT PRIMARY KEY,
      community_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      price INTEGER NOT NULL CHECK (price > 0),
      stock INTEGER NOT NULL CHECK (stock >= 0),
      picture TEXT,
      status TEXT NOT NULL CHECK (status IN ('on', 'off')),
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL
    );
    -- A community's shop: on the shelf first ('on' sorts after 'off'), then by name.
    CREATE INDEX goods_community ON goods(community_id, status DESC, name, id);
    CREATE TABLE redemptions (
      id TEXT PRIMARY KEY,
      goods_id TEXT NOT NULL REFERENCES goods(id),
      goods_name TEXT NOT NULL,
      price INTEGER NOT NULL,
      person_id TEXT NOT NULL,
      community_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('ordered', 'collected', 'cancelled')),
      ordered_at INTEGER NOT NULL,
      collected_at INTEGER,
      collected_by TEXT,
      cancelled_at INTEGER,
      cancelled_by TEXT,
      cancel_reason TEXT
    );
    -- A person's orders and a community's (all, or those of some statuses: the ones to hand over), newest first.
    CREATE INDEX redemptions_person ON redemptions(person_id, ordered_at DESC, id DESC);
    CREATE INDEX redemptions_community ON redemptions(community_id, ordered_at DESC, id DESC);
    CREATE INDEX redemptions_community_status ON redemptions(community_id, status, ordered_at DESC, id DESC);
  `,
};
