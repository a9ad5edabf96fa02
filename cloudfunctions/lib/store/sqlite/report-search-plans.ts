/**
 * The desk's commonest search, text over a subtree and nothing else, answered without reading the
 * reports that match. The general way (report-queries.ts: the matches' rowids from the index, then
 * each matching report row for its unit and deadline) reads one report row per match: fine for a
 * rare word, most of the subtree for a common one (楼 is in half of all reports). Both plans here
 * read indexes only and give way (null) when they would read more than the general way.
 */
import type { DeskSort } from '../../../../src/core';
import type { ReportQuery } from '../port';
import type { SqliteKit } from './kit';
import { HITS, likePattern, searchMatch } from './report-search';
import { END } from './rows';

type Stmt = SqliteKit['stmt'];

/** Reports of other subtrees a count reads at most before it gives way. */
const OUTSIDE_BUDGET = 10_000;
/** Matches below which the general way, which reads this many report rows, is quick anyway. */
const FEW_MATCHES = 50;

/**
 * How many reports hold the text, over the whole database: the index's matches (counted without
 * reading a report) and the few waiting to be indexed. The desk asks for a page and its total at
 * once, and both plans want this number: it is kept for the rest of the synchronous turn (no write
 * can come between), not longer.
 */
let counted: { stmt: Stmt; match: string; n: number } | null = null;
function matchesEverywhere(stmt: Stmt, match: string, like: string): number {
  if (counted?.stmt === stmt && counted.match === match) return counted.n;
  const one = (sql: string, ...args: unknown[]) => stmt(sql).pluck().get(...args) as number;
  const n =
    one('SELECT count(*) FROM report_search WHERE report_search MATCH ?', match) +
    one("SELECT count(*) FROM reports WHERE rowid > (SELECT indexed_to FROM report_search_state) AND search_text LIKE ? ESCAPE '\\'", like);
  if (!counted) queueMicrotask(() => (counted = null));
  counted = { stmt, match, n };
  return n;
}

/** A query of text and subtree only: what these plans answer. */
export const textUnderPathOnly = (q: ReportQuery) =>
  !!q.q && Object.entries(q).every(([k, v]) => k === 'path' || k === 'now' || k === 'q' || v === undefined || (Array.isArray(v) && v.length === 0));

/**
 * How many reports under `path` hold q: every report that holds it (the index counts its matches
 * without reading a report) less those outside the subtree, read from the path index. Cheap when the
 * subtree is most of the database, as a community is on its own server; null when the rest is bigger
 * than OUTSIDE_BUDGET.
 */
export function countUnder(stmt: Stmt, path: string, q: string): number | null {
  const match = searchMatch(q);
  if (match === null) return null;
  const like = likePattern(q);
  const rows = (sql: string, ...args: unknown[]) => stmt(sql).pluck().get(...args) as number;
  const before = rows('SELECT count(*) FROM (SELECT 1 FROM reports INDEXED BY reports_path_due WHERE unit_path < ? LIMIT ?)', path, OUTSIDE_BUDGET);
  const after = rows('SELECT count(*) FROM (SELECT 1 FROM reports INDEXED BY reports_path_due WHERE unit_path >= ? LIMIT ?)', path + END, OUTSIDE_BUDGET);
  if (before + after >= OUTSIDE_BUDGET) return null;
  const all = matchesEverywhere(stmt, match, like);
  if (before + after === 0) return all;
  return all - rows(`SELECT count(*) FROM reports INDEXED BY reports_path_due WHERE (unit_path < ? OR unit_path >= ?) AND rowid IN (${HITS})`, path, path + END, match, like);
}

/** Per sort: the index that holds each unit's reports in that order, its sort column and direction (ties: the id, the same way). */
const IN_ORDER: Record<DeskSort, { index: string; key: string; desc: boolean }> = {
  dueAt: { index: 'reports_path_due', key: 'due_at', desc: false },
  createdAt: { index: 'reports_desk_month', key: 'created_at', desc: false },
  '-createdAt': { index: 'reports_desk_month', key: 'created_at', desc: true },
};

/** Reports the index is asked about, at most, when the word is in most reports (more: the general way). */
const MOST_ASKS = 1_000;
/** Index entries a unit's first read takes; each further read takes twice the last, up to the most. */
const FIRST_READ = 8;
const MOST_READ = 256;

/** One unit's reports in order, read a few index entries at a time. */
interface Cursor {
  unit: string;
  rows: [number, number][];
  at: number;
  /** How many the next read takes; 0 once the unit has no more. */
  next: number;
}

/**
 * The rowids of a page of the reports under `path` that hold q, in `sort` order, reading indexes only.
 * Each unit's reports come in order from a path index ((unit_path, due_at) for deadlines), a few at a
 * time; merged by their sort key, they are taken until `offset + limit` of them hold the text (and
 * those that tie with the last). So the commoner the word, the fewer entries read; the page is the
 * head of those, ties broken by id. Whether an entry holds the text: for a word in most reports, the
 * index is asked about that report (each ask costs, but few are made); otherwise the matches' rowids
 * are read from the index once, as a set. Null (the general way) for few matches, or once it has read
 * three times as many entries as there are matches or asked MOST_ASKS times (a word common elsewhere
 * and rare in this subtree).
 */
export function pageUnder(stmt: Stmt, path: string, q: string, sort: DeskSort, limit: number, offset: number): number[] | null {
  const match = searchMatch(q);
  if (match === null) return null;
  const like = likePattern(q);
  const matches = matchesEverywhere(stmt, match, like);
  if (matches < FEW_MATCHES) return null;
  let holds: (rowid: number) => boolean;
  let asks = 0;
  if (2 * matches >= ((stmt('SELECT max(rowid) FROM reports').pluck().get() as number) ?? 0)) {
    const indexedTo = stmt('SELECT indexed_to FROM report_search_state').pluck().get() as number;
    // CAST: better-sqlite3 binds a JS number as a REAL, and FTS5 then ignores the rowid (every match would do).
    const inIndex = stmt('SELECT 1 FROM report_search WHERE report_search MATCH ? AND rowid = CAST(? AS INTEGER)').pluck();
    const waiting = stmt("SELECT 1 FROM reports WHERE rowid = ? AND search_text LIKE ? ESCAPE '\\'").pluck();
    holds = (rowid) => (asks++, !!(rowid <= indexedTo ? inIndex.get(match, rowid) : waiting.get(rowid, like)));
  } else {
    const hits = new Set(stmt(HITS).pluck().all(match, like) as number[]);
    holds = (rowid) => hits.has(rowid);
  }
  const { index, key, desc } = IN_ORDER[sort];
  const dir = desc ? 'DESC' : 'ASC';
  const want = offset + limit;
  const unitFrom = stmt(`SELECT unit_path FROM reports INDEXED BY ${index} WHERE unit_path >= ? AND unit_path < ? ORDER BY unit_path LIMIT 1`).pluck();
  const unitAfter = stmt(`SELECT unit_path FROM reports INDEXED BY ${index} WHERE unit_path > ? AND unit_path < ? ORDER BY unit_path LIMIT 1`).pluck();
  const first = stmt(`SELECT rowid, ${key} FROM reports INDEXED BY ${index} WHERE unit_path = ? ORDER BY ${key} ${dir} LIMIT ?`).raw();
  const after = stmt(`SELECT rowid, ${key} FROM reports INDEXED BY ${index} WHERE unit_path = ? AND ${key} ${desc ? '<' : '>'} ? ORDER BY ${key} ${dir} LIMIT ?`).raw();
  const tied = stmt(`SELECT rowid, ${key} FROM reports INDEXED BY ${index} WHERE unit_path = ? AND ${key} = ?`).raw();
  let budget = 3 * matches;
  // The next entries of a unit: `next` of them, and then every other entry that ties with the last
  // (so the read after starts past that key and skips none).
  const read = (c: Cursor) => {
    const last = c.rows[c.rows.length - 1];
    const rows = (last ? after.all(c.unit, last[1], c.next) : first.all(c.unit, c.next)) as [number, number][];
    const full = rows.length === c.next;
    if (full) {
      const edge = rows[rows.length - 1][1];
      const have = new Set(rows.filter(([, v]) => v === edge).map(([r]) => r));
      for (const row of tied.all(c.unit, edge) as [number, number][]) if (!have.has(row[0])) rows.push(row);
    }
    c.rows = rows;
    c.at = 0;
    budget -= rows.length;
    c.next = full ? Math.min(2 * c.next, MOST_READ) : 0;
  };
  // A heap of the units by the sort key of the entry each is at.
  const ahead = (a: number, b: number) => (desc ? b - a : a - b);
  const heap: Cursor[] = [];
  const headOf = (c: Cursor) => c.rows[c.at][1];
  const sift = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && ahead(headOf(heap[l]), headOf(heap[m])) < 0) m = l;
      if (r < heap.length && ahead(headOf(heap[r]), headOf(heap[m])) < 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  let unit = unitFrom.get(path, path + END) as string | undefined;
  for (; unit !== undefined; unit = unitAfter.get(unit, path + END) as string | undefined) {
    const c: Cursor = { unit, rows: [], at: 0, next: FIRST_READ };
    read(c);
    if (c.rows.length) heap.push(c);
  }
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) sift(i);
  const found: [number, number][] = [];
  while (heap.length) {
    if (budget < 0 || asks > MOST_ASKS) return null;
    const c = heap[0];
    const [rowid, value] = c.rows[c.at];
    if (found.length >= want && value !== found[found.length - 1][1]) break;
    if (holds(rowid)) found.push([rowid, value]);
    if (++c.at === c.rows.length) {
      if (c.next) read(c);
      if (c.at === c.rows.length) heap[0] = heap[heap.length - 1], heap.pop();
    }
    sift(0);
  }
  // In key order already; the ids break the ties.
  const ids = new Map(stmt('SELECT rowid, id FROM reports WHERE rowid IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(found.map(([r]) => r))) as [number, string][]);
  const byId = (a: number, b: number) => {
    const x = ids.get(a)!;
    const y = ids.get(b)!;
    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
  };
  found.sort((a, b) => ahead(a[1], b[1]) || byId(a[0], b[0]));
  return found.slice(offset, want).map(([r]) => r);
}
