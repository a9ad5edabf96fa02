/** Upper bound for a prefix range scan: every path under `p` sorts before p + U+FFFF. */
export const END = '\uffff';

/** Bound parameters per IN list (SQLite allows 32,766 in all; stay well below). */
export const CHUNK = 500;

export function isUnique(e: unknown, needle: string): boolean {
  const err = e as { code?: string; message?: string };
  return (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && !!err.message?.includes(needle);
}
