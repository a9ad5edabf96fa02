import type { Migration } from './migration';

export const v20: Migration = {
  version: 20,
  name: 'contact retention (closed reports that still hold a contact name or phone, by community and closing time)',
  // The retention job (jobs/contact-retention.ts) reads the reports whose contact is due to be removed.
  // Partial: only closed or rejected reports that still hold a contact are in it, so it shrinks as the
  // job clears them and the job never reads through the reports already cleared. Its WHERE is the
  // query's, term for term (SQLite uses a partial index only for a query that implies it).
  sql: `
    CREATE INDEX reports_contact_kept ON reports(community_id, json_extract(doc, '$.closedAt'))
      WHERE status IN ('closed', 'rejected')
        AND (json_extract(doc, '$.contactName') IS NOT NULL OR json_extract(doc, '$.contactPhone') IS NOT NULL);
  `,
};
