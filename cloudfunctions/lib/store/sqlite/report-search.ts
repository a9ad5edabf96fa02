/**
 * The desk's text search on SQLite: an FTS5 index (report_search, migration 15) that finds the reports
 * whose search_text (description, location, contact name, id) contains a query of any length: the
 * same rows `search_text LIKE '%q%'` finds, without reading every report.
 *
 * Two columns, both cut into trigrams. `text` is the text itself: a query of 3 characters and more is
 * the phrase of its trigrams, which matches where they stand in a row, i.e. where the query does.
 * Trigrams cannot find the 1 and 2 characters most Chinese searches are (电梯, 漏水, a surname), so
 * `grams` holds the text with a separator (U+0001) between its characters and at both ends: 电梯 is
 * indexed as ␁电␁梯␁, whose trigrams are ␁电␁ (the character 电), 电␁梯 (the pair 电梯) and ␁梯␁. A query
 * of one character is the one trigram ␁c␁, of two the one trigram a␁b: a lookup of one term. A query
 * that holds the separator itself falls back to the LIKE scan.
 *
 * Case, as LIKE: ASCII letters fold, nothing else does (SQL's lower() and lowerAscii below fold ASCII
 * only; the tokenizer is case sensitive, so it folds nothing more).
 *
 * Kept in step in batches. Indexing one report at a time costs about as much CPU as storing the report
 * (each commit writes an FTS5 segment that later merges rewrite), so the insert that makes
 * SEARCH_BATCH reports wait indexes them all, inside its own transaction; until then a search reads
 * those few with LIKE (the reports above report_search_state.indexed_to). Report rows are never
 * deleted and get ever larger rowids; the migration's triggers reindex a report whose text changes
 * and drop one that is deleted. The indexed values are computed in SQL by the view
 * report_search_source (the migration's backfill and the triggers, whoever writes the row) and here
 * by indexedValues (the batches: a third of the cost of the view's json_each); the contract tests
 * search reports indexed both ways.
 */
import type { Database as Db } from 'better-sqlite3';

/** Reports waiting to be indexed before the insert that reaches this many indexes them. */
export const SEARCH_BATCH = 512;

const SEP = '\u0001';

/** What SQL's lower() does without ICU: ASCII letters only. */
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The FTS5 query for text containing `q` (see above), or null when q holds the separator. */
export function searchMatch(q: string): string | null {
  if (q.includes(SEP)) return null;
  // By code point, as SQL's substr() splits the text.
  const chars = [...lowerAscii(q)];
  const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;
  if (chars.length >= 3) return `text : ${phrase(chars.join(''))}`;
  return `grams : ${phrase(chars.length === 1 ? SEP + chars[0] + SEP : chars.join(SEP))}`;
}

/** What the index holds for a report's search_text, as the view report_search_source computes it. */
export function indexedValues(searchText: string): { text: string; grams: string } {
  const text = lowerAscii(searchText);
  return { text, grams: SEP + [...text].join(SEP) + SEP };
}

/** The LIKE pattern for text containing `q`, with % _ \ taken literally (ESCAPE '\'). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The rowids of the reports whose text contains the query: the indexed ones that match, and the few not indexed yet read with LIKE. Parameters: the match, the pattern. */
export const HITS = `SELECT rowid FROM report_search WHERE report_search MATCH ?
  UNION ALL SELECT rowid FROM reports WHERE rowid > (SELECT indexed_to FROM report_search_state) AND search_text LIKE ? ESCAPE '\\'`;

/** The condition "the report's text contains q", on a query over reports. */
export function textCondition(q: string): { sql: string; args: unknown[] } {
  const match = searchMatch(q);
  if (match === null) return { sql: "search_text LIKE ? ESCAPE '\\'", args: [likePattern(q)] };
  return { sql: `rowid IN (${HITS})`, args: [match, likePattern(q)] };
}

/**
 * Called inside the transaction that inserted a report at `rowid`: once SEARCH_BATCH reports wait,
 * indexes them and moves the mark (in the same transaction, so a rolled-back insert leaves no trace).
 */
export function searchIndexer(db: Db): (rowid: number | bigint) => void {
  const state = db.prepare<[], number>('SELECT indexed_to FROM report_search_state').pluck();
  const waiting = db.prepare<[number, number], [number, string]>('SELECT rowid, search_text FROM reports WHERE rowid > ? AND rowid <= ?').raw();
  // OR REPLACE: a report already in the index (after a delete lowered the mark) is indexed again, not twice.
  const put = db.prepare('INSERT OR REPLACE INTO report_search (rowid, text, grams) VALUES (?, ?, ?)');
  const advance = db.prepare('UPDATE report_search_state SET indexed_to = ?');
  return (rowid) => {
    const to = Number(rowid);
    const from = state.get() ?? 0;
    if (to - from < SEARCH_BATCH) return;
    for (const [r, searchText] of waiting.all(from, to)) {
      const { text, grams } = indexedValues(searchText);
      put.run(r, text, grams);
    }
    advance.run(to);
  };
}
