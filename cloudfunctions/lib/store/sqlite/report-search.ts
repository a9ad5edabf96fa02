/**
 * The desk's text search on SQLite: an FTS5 index (report_search, migration 15) that finds the reports
 * whose search_text (description, location, contact name, id) contains a query of any length: the
 * same rows `search_text LIKE '%q%'` finds, without reading every report.
 *
 * One index for every length. FTS5's trigram tokenizer matches 3 characters and more, and most Chinese
 * searches are 2 (电梯, 漏水, a surname) or 1. So the index holds the text with a separator (U+0001)
 * between its characters and at both ends: 电梯 is indexed as ␁电␁梯␁, whose trigrams are ␁电␁ (the
 * character 电), 电␁梯 (the pair 电梯) and ␁梯␁. A query of one character is one trigram (␁c␁), of two
 * one trigram (a␁b), of more the phrase of its trigrams (a␁b␁c), which matches where its characters
 * stand in a row and nowhere else: a query character is never the separator, so it lines up with a
 * character of the text. A query that holds the separator falls back to the LIKE scan.
 *
 * Case, as LIKE: ASCII letters fold, nothing else does (SQL's lower() and lowerAscii below fold ASCII
 * only; the tokenizer is case sensitive, so it folds nothing more).
 *
 * Kept in step in batches. Indexing one report at a time costs about as much CPU as storing the report
 * (each commit writes an FTS5 segment that later merges rewrite), so the insert that makes
 * SEARCH_BATCH reports wait indexes them all, in its own transaction; until then a search reads those
 * few with LIKE (the reports above report_search_state.indexed_to). Report rows are never deleted
 * and get ever larger rowids; the migration's triggers reindex a report whose text changes and drop
 * one that is deleted. The grams are computed in SQL (the view report_search_grams), so the migration,
 * the batches and the triggers index alike, whoever writes the row.
 */
import type { Database as Db } from 'better-sqlite3';

/** Reports waiting to be indexed before the insert that reaches this many indexes them. */
export const SEARCH_BATCH = 128;

const SEP = '\u0001';

/** What SQL's lower() does without ICU: ASCII letters only. */
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The FTS5 query for text containing `q` (see above), or null when q holds the separator. */
export function searchMatch(q: string): string | null {
  if (q.includes(SEP)) return null;
  // By code point, as SQL's substr() splits the text.
  const chars = [...lowerAscii(q)];
  const grams = chars.length === 1 ? SEP + chars[0] + SEP : chars.join(SEP);
  return `"${grams.replace(/"/g, '""')}"`;
}

/** The LIKE pattern for text containing `q`, with % _ \ taken literally (ESCAPE '\'). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The condition "the report's text contains q", on a query over reports. Through the index: the
 * indexed reports that match, and the ones not indexed yet read with LIKE (at most a batch).
 */
export function textCondition(q: string): { sql: string; args: unknown[] } {
  const match = searchMatch(q);
  if (match === null) return { sql: "search_text LIKE ? ESCAPE '\\'", args: [likePattern(q)] };
  return {
    sql: `rowid IN (SELECT rowid FROM report_search WHERE report_search MATCH ?
      UNION ALL SELECT rowid FROM reports WHERE rowid > (SELECT indexed_to FROM report_search_state) AND search_text LIKE ? ESCAPE '\\')`,
    args: [match, likePattern(q)],
  };
}

/**
 * Called inside the transaction that inserted a report at `rowid`: once SEARCH_BATCH reports wait,
 * indexes them and moves the mark (in the same transaction, so a rolled-back insert leaves no trace).
 */
export function searchIndexer(db: Db): (rowid: number | bigint) => void {
  const state = db.prepare<[], number>('SELECT indexed_to FROM report_search_state').pluck();
  // OR REPLACE: a report already in the index (after a delete lowered the mark) is indexed again, not twice.
  const index = db.prepare('INSERT OR REPLACE INTO report_search (rowid, grams) SELECT rowid, grams FROM report_search_grams WHERE rowid > ? AND rowid <= ?');
  const advance = db.prepare('UPDATE report_search_state SET indexed_to = ?');
  return (rowid) => {
    const to = Number(rowid);
    const from = state.get() ?? 0;
    if (to - from < SEARCH_BATCH) return;
    index.run(from, to);
    advance.run(to);
  };
}
