import type { Database as Db } from 'better-sqlite3';
import type { AuditEntry, AuditRepo } from '../port';
import type { SqliteKit } from './kit';
import { END } from './rows';

interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  action: string;
  target_kind: AuditEntry['targetKind'];
  target_id: string;
  unit_path: string | null;
  detail: string;
}

const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  targetKind: r.target_kind,
  targetId: r.target_id,
  unitPath: r.unit_path,
  detail: JSON.parse(r.detail),
});

/** Writes one audit entry; the report writes use it too, inside their own transaction. */
export function auditWriter(db: Db): (e: AuditEntry) => void {
  const insert = db.prepare(
    'INSERT INTO audit (id, at, actor_id, action, target_kind, target_id, unit_path, detail) VALUES (@id, @at, @actorId, @action, @targetKind, @targetId, @unitPath, @detail)',
  );
  return (e) => {
    insert.run({ ...e, unitPath: e.unitPath ?? null, detail: JSON.stringify(e.detail) });
  };
}

export function sqliteAudit(db: Db, { stmt }: SqliteKit): AuditRepo {
  const write = auditWriter(db);
  const forTarget = db.prepare<[string, number], AuditRow>('SELECT * FROM audit WHERE target_id = ? ORDER BY at DESC, id DESC LIMIT ?');

  return {
    async append(e) {
      write(e);
    },
    async listForTarget(targetId, limit) {
      return forTarget.all(targetId, limit).map(toAuditEntry);
    },
    async search(f, limit) {
      const parts: string[] = [];
      const args: unknown[] = [];
      if (f.path !== undefined) (parts.push('unit_path >= ? AND unit_path < ?'), args.push(f.path, f.path + END));
      if (f.targetId !== undefined) (parts.push('target_id = ?'), args.push(f.targetId));
      if (f.actorId !== undefined) (parts.push('actor_id = ?'), args.push(f.actorId));
      if (f.action !== undefined) (parts.push('action = ?'), args.push(f.action));
      if (f.from !== undefined) (parts.push('at >= ?'), args.push(f.from));
      if (f.to !== undefined) (parts.push('at < ?'), args.push(f.to));
      if (f.before !== undefined) (parts.push('at < ?'), args.push(f.before));
      const sql = `SELECT * FROM audit ${parts.length ? `WHERE ${parts.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`;
      return (stmt(sql).all(...args, limit) as AuditRow[]).map(toAuditEntry);
    },
  };
}
