/**
 * How a report is laid out in its row: the doc (the report as JSON) beside real columns the lists,
 * the desk filter and the dashboard's tallies run on, and the UPDATE a save makes of them.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import { responseSettledAt, type Report } from '../../../../src/core';

/** The desk columns of a report (migration 5's, and 19's response_settled_at), as the insert and save statements bind them. */
export function deskColumns(r: Report) {
  return {
    channel: r.channel,
    breached: r.breached ? 1 : 0,
    escalations: r.escalations,
    disputes: r.disputes,
    rating: r.rating,
    resolvedAt: r.resolvedAt,
    resolvedLevel: r.resolvedLevel,
    respondedOnTime: r.respondedAt !== null && r.respondedAt <= r.firstRespondBy ? 1 : 0,
    responseSettledAt: responseSettledAt(r),
    counted: r.duplicateOf ? 0 : 1,
    followUpOpen: r.followUp?.status === 'open' ? 1 : 0,
    searchText: [r.description, r.location ?? '', r.contactName ?? '', r.id].join('\n'),
  };
}

/** Column list and named parameters of deskColumns, for the INSERT and UPDATE of reports. */
export const DESK_INSERT_COLUMNS =
  'channel, breached, escalations, disputes, rating, resolved_at, resolved_level, responded_on_time, response_settled_at, counted, follow_up_open, search_text';
export const DESK_INSERT_VALUES =
  '@channel, @breached, @escalations, @disputes, @rating, @resolvedAt, @resolvedLevel, @respondedOnTime, @responseSettledAt, @counted, @followUpOpen, @searchText';
/** Each desk column with its named parameter, for the UPDATE of reports (which sets the changed ones). */
const DESK_SET_COLUMNS = DESK_INSERT_COLUMNS.split(', ').map((c, i) => [c, DESK_INSERT_VALUES.split(', ')[i].slice(1)] as const);

/** The columns a report save may change, each with its parameter in the row reportRow makes. */
export const SAVED_COLUMNS: readonly (readonly [string, string])[] = [
  ...(
    [
      ['resident_id', 'residentId'],
      ['unit_id', 'unitId'],
      ['unit_path', 'unitPath'],
      ['status', 'status'],
      ['level', 'level'],
      ['handler_id', 'handlerId'],
      ['due_at', 'dueAt'],
      ['next_check_at', 'nextCheckAt'],
    ] as const
  ),
  ...DESK_SET_COLUMNS,
];

/** The named parameters of the report INSERT. */
export const reportRow = (r: Report) => ({ ...r, ...deskColumns(r), doc: JSON.stringify(r) });

/** The values of SAVED_COLUMNS for a report, in that order, as the row stores them. */
export const columnValues = (r: Report): unknown[] => {
  const desk = deskColumns(r) as Record<string, unknown>;
  const fields = r as unknown as Record<string, unknown>;
  return SAVED_COLUMNS.map(([, key]) => (key in desk ? desk[key] : fields[key]) ?? null);
};

/**
 * The UPDATE of a save, one per set of changed columns, keyed by its bit mask over SAVED_COLUMNS (a
 * sweep uses two or three). Its parameters: version, doc, the changed columns' values in
 * SAVED_COLUMNS order, id, expected version.
 *
 * A save names in its SET only the columns whose value changed (besides version and doc): SQLite
 * rewrites the entries of every index on a column named in SET, changed or not, and a report has
 * nine indexes (the timer's escalation changes the columns of four or five of them).
 */
export function changedColumnUpdates(db: Db): (mask: number) => Statement {
  const updates = new Map<number, Statement>();
  return (mask: number) => {
    let u = updates.get(mask);
    if (!u) {
      if (updates.size >= 200) updates.clear();
      const set = SAVED_COLUMNS.filter((_, i) => mask & (1 << i)).map(([c]) => `, ${c} = ?`);
      u = db.prepare(`UPDATE reports SET version = ?, doc = ?${set.join('')} WHERE id = ? AND version = ?`);
      updates.set(mask, u);
    }
    return u;
  };
}
