import type { Migration } from './migration';

export const v06: Migration = {
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
};
