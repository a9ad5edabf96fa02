import type { Migration } from './migration';

export const v28: Migration = {
  version: 28,
  name: 'notice fan-outs: one notice for many people, sent by the timer a chunk at a time',
  // A fan-out is one row: the notice's parts, the people to tell (a JSON array, read whole by the run
  // that claims it) and the cursor. Its id comes from its cause (`topic.opened:<topicId>`), the
  // primary key: INSERT OR IGNORE writes one of any number of racing enqueues. A claim and an advance
  // are each one UPDATE conditional on the lease or the version (sqlite/notice-fanouts.ts).
  sql: `
    CREATE TABLE notice_fanouts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      page TEXT,
      fields TEXT NOT NULL,
      person_ids TEXT NOT NULL,
      total INTEGER NOT NULL,
      next INTEGER NOT NULL,
      claimed_until INTEGER NOT NULL,
      version INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      done_at INTEGER
    );
    -- The timer's claim (oldest not done first) and the backlog: only fan-outs not done.
    CREATE INDEX notice_fanouts_undone ON notice_fanouts(created_at, id) WHERE done_at IS NULL;
    -- Purging what was done long enough ago.
    CREATE INDEX notice_fanouts_done ON notice_fanouts(done_at) WHERE done_at IS NOT NULL;
  `,
};
