/**
 * The ledger's filters in the query string (?community=…&person=…&name=…&unit=…&from=…&to=…): a reload or a
 * shared link opens the same list. The person's name rides along so the filter reads as a name before any search.
 */
export interface LedgerFilter {
  personId?: string;
  personName?: string;
  unitId?: string;
  /** China days, "2026-11-01". */
  from?: string;
  to?: string;
}

const KEYS: [keyof LedgerFilter, string][] = [
  ['personId', 'person'],
  ['personName', 'name'],
  ['unitId', 'unit'],
  ['from', 'from'],
  ['to', 'to'],
];

export function ledgerFilterOf(search: string): LedgerFilter {
  const q = new URLSearchParams(search);
  const f: LedgerFilter = {};
  for (const [k, p] of KEYS) {
    const v = q.get(p);
    if (v) f[k] = v;
  }
  return f;
}

/** The query string for a filter, keeping what else it holds (the community chosen). */
export function ledgerSearchOf(search: string, f: LedgerFilter): string {
  const q = new URLSearchParams(search);
  for (const [k, p] of KEYS) {
    const v = f[k];
    if (v) q.set(p, v);
    else q.delete(p);
  }
  return q.toString();
}
