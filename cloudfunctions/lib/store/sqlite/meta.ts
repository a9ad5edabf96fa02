import type { Database as Db } from 'better-sqlite3';
import type { MetaRepo } from '../port';

export function sqliteMeta(db: Db): MetaRepo {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const update = db.prepare('UPDATE meta SET value = ? WHERE key = ? AND value = ?');
  const cas = db.transaction((key: string, expected: string | null, next: string) => {
    const cur = get.get(key)?.value ?? null;
    if (cur !== expected) return false;
    return (expected === null ? insert.run(key, next) : update.run(next, key, expected)).changes === 1;
  });

  return {
    async get(key) {
      return get.get(key)?.value ?? null;
    },
    async setIfAbsent(key, value) {
      insert.run(key, value);
      return get.get(key)!.value;
    },
    async compareAndSet(key, expected, next) {
      return cas(key, expected, next);
    },
  };
}
