/**
 * Projects (项目清单) on SQLite: one row per project, its content a JSON document read whole
 * (milestones, result), with the columns the lists query beside it. A project is written once per
 * (proposer, client request id), a unique key: INSERT OR IGNORE writes one of any number of racing
 * asks and the others read the first back. A claimed need's project is inserted by the need's
 * claim, in its transaction (needs.ts), with the same statement. update reads and writes in one
 * transaction, conditional on the version, keeping the identity as inserted.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Project } from '../../../../src/core';
import type { ProjectRepo } from '../port';
import type { SqliteKit } from './kit';

export const toProject = (r: { doc: string }): Project => JSON.parse(r.doc) as Project;

export const projectParams = (p: Project) => ({
  id: p.id,
  communityId: p.communityId,
  partnerId: p.partnerId,
  needId: p.needId,
  status: p.status,
  proposedBy: p.proposedBy,
  clientRequestId: p.clientRequestId,
  createdAt: p.createdAt,
  version: p.version,
  doc: JSON.stringify(p),
});

export const INSERT_PROJECT = `INSERT OR IGNORE INTO projects (id, community_id, partner_id, need_id, status, proposed_by, client_request_id, created_at, version, doc)
  VALUES (@id, @communityId, @partnerId, @needId, @status, @proposedBy, @clientRequestId, @createdAt, @version, @doc)`;

/** What never changes once a project is written: which community, partner, need or resource, who started it and how. */
const keepIdentity = (next: Project, stored: Project): Project => ({
  ...next,
  id: stored.id,
  communityId: stored.communityId,
  partnerId: stored.partnerId,
  needId: stored.needId,
  resourceId: stored.resourceId,
  startedBy: stored.startedBy,
  proposedBy: stored.proposedBy,
  clientRequestId: stored.clientRequestId,
  createdAt: stored.createdAt,
});

export function sqliteProjects(db: Db, { stmt }: SqliteKit): ProjectRepo {
  const q = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM projects WHERE id = ?'),
    byRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM projects WHERE proposed_by = ? AND client_request_id = ?'),
    insert: db.prepare(INSERT_PROJECT),
    update: db.prepare(`UPDATE projects SET status = @status, version = @version, doc = @doc WHERE id = @id AND version = @expected`),
    forCommunity: db.prepare<[string, number], { doc: string }>('SELECT doc FROM projects WHERE community_id = ? AND created_at < ? ORDER BY created_at, id'),
  };

  const update = db.transaction((next: Project, version: number): Project | null => {
    const row = q.get.get(next.id);
    if (!row) return null;
    const stored = toProject(row);
    if (stored.version !== version) return null;
    const p = keepIdentity(next, stored);
    return q.update.run({ ...projectParams(p), expected: version }).changes === 1 ? p : null;
  });

  return {
    async insert(p) {
      if (q.insert.run(projectParams(p)).changes === 1) return { project: p, created: true };
      const before = q.byRequest.get(p.proposedBy, p.clientRequestId) ?? q.get.get(p.id);
      if (!before) throw new Error(`project ${p.id} was refused but no project of ${p.proposedBy} has request ${p.clientRequestId}`);
      return { project: toProject(before), created: false };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toProject(r) : null;
    },
    async update(next, version) {
      return update.immediate(next, version);
    },
    async list(pq, limit, offset) {
      const [column, ids] = 'communityIds' in pq ? ['community_id', pq.communityIds] : ['partner_id', pq.partnerIds];
      const unique = [...new Set(ids)];
      if (unique.length === 0) return { projects: [], total: 0 };
      const parts = [`${column} IN (${unique.map(() => '?').join(',')})`];
      const args: unknown[] = [...unique];
      if (pq.status) {
        parts.push('status = ?');
        args.push(pq.status);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM projects WHERE ${where}`).get(...args) as { n: number }).n;
      if (limit <= 0) return { projects: [], total };
      const rows = stmt(`SELECT doc FROM projects WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as { doc: string }[];
      return { projects: rows.map(toProject), total };
    },
    async forCommunity(communityId, to) {
      return q.forCommunity.all(communityId, to).map(toProject);
    },
  };
}
