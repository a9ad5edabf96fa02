import type { Database as Db } from 'better-sqlite3';

interface Queued {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommit {
  /** Runs `run` (a db.transaction, so a savepoint inside the group) in the next group commit. */
  grouped<T>(run: () => T): Promise<T>;
  /** Commits what is queued now (the store's close does, so nothing queued is lost). */
  flush(): void;
}

/**
 * Group commit for the report writes: the ones that arrive while the event loop is busy wait for
 * its next turn and then commit together, each in its own savepoint (so each is still all or
 * nothing, and a lost race or an error stops only itself). A promise resolves only after the
 * commit, so nobody acts on a write that is not stored. Under load this turns one commit per
 * report into one per turn of the loop; alone, a write waits only for the current turn to end.
 */
export function groupCommit(db: Db): GroupCommit {
  const queued: Queued[] = [];
  const commitQueued = db.transaction((items: Queued[]) =>
    items.map((it) => {
      try {
        return { ok: true, value: it.run() };
      } catch (error) {
        // A failure that ended the whole transaction (disk full, I/O) fails every item.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  const flush = () => {
    const items = queued.splice(0);
    if (items.length === 0 || !db.open) return;
    let out: { ok: boolean; value?: unknown; error?: unknown }[];
    try {
      out = commitQueued(items);
    } catch (e) {
      for (const it of items) it.reject(e);
      return;
    }
    out.forEach((o, i) => (o.ok ? items[i].resolve(o.value) : items[i].reject(o.error)));
  };
  const grouped = <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queued.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (queued.length === 1) setImmediate(flush);
    });
  return { grouped, flush };
}
