import type { Migration } from './migration';

export const v15: Migration = {
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
};
