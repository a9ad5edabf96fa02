/**
 * The audit log on CloudBase: one document per entry, `_id` its id. `detail` is stored as JSON
 * text: its keys are arbitrary (dots, a leading $), which are not valid field names.
 *
 * Entries a report write brings are added in that write's transaction (reports.ts), under their
 * own ids, so a re-run transaction writes the same documents.
 */
import type { AuditEntry, AuditRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';

export interface AuditDoc extends Stored {
  at: number;
  actorId: string | null;
  action: string;
  targetKind: AuditEntry['targetKind'];
  targetId: string;
  unitPath: string | null;
  /** JSON text; an object in documents written before it was text. */
  detail: string | Record<string, unknown> | null;
}

const toAudit = (d: AuditDoc): AuditEntry => ({
  id: d._id,
  at: d.at,
  actorId: d.actorId ?? null,
  action: d.action,
  targetKind: d.targetKind,
  targetId: d.targetId,
  unitPath: d.unitPath ?? null,
  detail: typeof d.detail === 'string' ? (JSON.parse(d.detail) as Record<string, unknown>) : (d.detail ?? {}),
});

export const auditDoc = (e: AuditEntry): AuditDoc => ({
  _id: e.id,
  at: e.at,
  actorId: e.actorId,
  action: e.action,
  targetKind: e.targetKind,
  targetId: e.targetId,
  unitPath: e.unitPath ?? null,
  detail: JSON.stringify(e.detail),
});

export function cloudbaseAudit(kit: CloudbaseKit): AuditRepo {
  const _ = kit.command;
  const coll = () => kit.coll('audit');
  return {
    async append(e) {
      await coll().add(auditDoc(e));
    },
    async listForTarget(targetId, limit) {
      if (limit <= 0) return [];
      const q = coll().where({ targetId }).orderBy('at', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<AuditDoc>(q, limit)).map(toAudit);
    },
    async search(f, limit) {
      if (limit <= 0) return [];
      const w: Where = {};
      if (f.path !== undefined) w.unitPath = kit.under(f.path);
      if (f.targetId !== undefined) w.targetId = f.targetId;
      if (f.actorId !== undefined) w.actorId = f.actorId;
      if (f.action !== undefined) w.action = f.action;
      const at: Condition[] = [];
      if (f.from !== undefined) at.push(_.gte(f.from));
      if (f.to !== undefined) at.push(_.lt(f.to));
      if (f.before !== undefined) at.push(_.lt(f.before));
      if (at.length) w.at = at.reduce((a, b) => a.and(b));
      const q = (Object.keys(w).length ? coll().where(w) : coll()).orderBy('at', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<AuditDoc>(q, limit)).map(toAudit);
    },
  };
}
