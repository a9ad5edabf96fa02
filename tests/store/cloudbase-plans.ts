/**
 * Whether a declared index serves a query's order, the way MongoDB's planner decides it: the index's
 * keys begin with fields the query pins to one value (or a short `$in` list, merged in order), and go
 * on with the order's fields in sequence, all in the order's directions or all reversed. A query
 * that no declared index serves this way is sorted in memory, after reading every document it
 * matches: a whole subtree, on a management list of a street.
 *
 * Conditions the adapter writes inside `$or` or `$expr` are filters only and count for nothing here.
 */
import { EJSON } from 'bson';
import type { IndexDecl } from '../../cloudfunctions/lib/store/cloudbase';

type Kind = 'eq' | 'in' | 'other';

/** The top-level conditions of a filter, `$and` flattened: field → how it is bounded. */
function conditions(filter: Record<string, unknown>, out = new Map<string, Kind>()): Map<string, Kind> {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and') for (const part of cond as Record<string, unknown>[]) conditions(part, out);
    if (field.startsWith('$')) continue;
    const ops = cond && typeof cond === 'object' && !(cond instanceof RegExp) && !Array.isArray(cond) ? Object.keys(cond) : [];
    const kind: Kind = ops.length === 0 ? 'eq' : ops.every((o) => o === '$eq') ? 'eq' : ops.every((o) => o === '$in') ? 'in' : 'other';
    // Two conditions on one field bound it no tighter than its loosest for this purpose.
    out.set(field, out.has(field) && out.get(field) !== kind ? 'other' : kind);
  }
  return out;
}

/** The declared index that serves the order of this query without a sort in memory, or null. */
export function servingIndex(indexes: readonly IndexDecl[], filter: Record<string, unknown>, order: Record<string, 1 | -1>): IndexDecl | null {
  const pinned = conditions(filter);
  const wanted = Object.entries(order);
  for (const idx of indexes) {
    const keys = Object.entries(idx.keys);
    let i = 0;
    while (i < keys.length && !wanted.some(([f]) => f === keys[i][0]) && ['eq', 'in'].includes(pinned.get(keys[i][0]) ?? '')) i++;
    const run = keys.slice(i, i + wanted.length);
    if (run.length < wanted.length || run.some(([f], j) => f !== wanted[j][0])) continue;
    const same = run.every(([, d], j) => d === wanted[j][1]);
    const reversed = run.every(([, d], j) => d === -wanted[j][1]);
    if (same || reversed) return idx;
  }
  return null;
}

/** A query request as the SDK sends it: its collection (prefix removed), filter and order. */
export function queryOf(params: Record<string, any>, prefix: string) {
  const decode = (s: unknown): Record<string, any> =>
    (typeof s === 'string' ? (s ? EJSON.parse(s, { relaxed: true }) : {}) : s && typeof s === 'object' ? EJSON.deserialize(s as never, { relaxed: true }) : {}) as Record<string, any>;
  return { collection: String(params.collectionName).slice(prefix.length), filter: decode(params.query), order: decode(params.order) as Record<string, 1 | -1> };
}
