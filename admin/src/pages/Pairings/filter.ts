/** The list's filters in the query string (?unit=…&member=…&kind=…&ended=1): a reload or a shared link opens the same list. */
export interface Filter {
  unitId?: string;
  memberId?: string;
  kind?: string;
  includeEnded?: boolean;
}

export function filterOf(search: string): Filter {
  const q = new URLSearchParams(search);
  return { unitId: q.get('unit') ?? undefined, memberId: q.get('member') ?? undefined, kind: q.get('kind') ?? undefined, includeEnded: q.get('ended') === '1' || undefined };
}

export function searchOf(f: Filter): string {
  const q = new URLSearchParams();
  if (f.unitId) q.set('unit', f.unitId);
  if (f.memberId) q.set('member', f.memberId);
  if (f.kind) q.set('kind', f.kind);
  if (f.includeEnded) q.set('ended', '1');
  return q.toString();
}
