import type { Migration } from './migration';

export const v05: Migration = {
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
};
