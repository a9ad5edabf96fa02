import type { Migration } from './migration';

export const v13: Migration = {
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
};
