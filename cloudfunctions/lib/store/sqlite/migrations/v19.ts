import type { Migration } from './migration';

export const v19: Migration = {
  version: 19,
  name: 'response settled at (the response rate counts only reports whose response is settled)',
  // When a report's response is settled: first responded to, or its response deadline if that came
  // first (core/reports/figures.ts responseSettledAt). The response rate's denominator is the reports
  // with this at or before now, so a report filed today and not yet due is not counted as missed.
  // The dashboard's month index takes the column, so its tallies still read no report doc.
  sql: `
    ALTER TABLE reports ADD COLUMN response_settled_at INTEGER NOT NULL DEFAULT 0;
    UPDATE reports SET response_settled_at = CASE
      WHEN json_extract(doc, '$.respondedAt') IS NULL THEN json_extract(doc, '$.firstRespondBy')
      ELSE min(json_extract(doc, '$.respondedAt'), json_extract(doc, '$.firstRespondBy'))
    END;
    DROP INDEX reports_desk_month;
    CREATE INDEX reports_desk_month ON reports(unit_path, created_at, counted, responded_on_time, response_settled_at, resolved_at, breached, rating, resolved_level, category);
  `,
};
