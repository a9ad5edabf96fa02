/**
 * The community's needs (需求清单) on SQLite: one row per need, written once per (poster, client
 * request id), a unique key (INSERT OR IGNORE: a retried post finds the first). A claim is one
 * IMMEDIATE transaction: the project of a retried claim (its id, or its proposer's request id) is
 * looked for first and answered as it is; otherwise one UPDATE conditional on status = 'open' (not
 * on the version the caller read) claims the need and the project is inserted. SQLite runs one
 * writer at a time, so of any number of claims of one need exactly one changes it and writes its
 * project; the others find the need claimed and write nothing. update is conditional on the version.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Need, NeedSource, NeedStatus, Project, ResourceKind } from '../../../../src/core';
import type { NeedClaimResult, NeedRepo } from '../port';
import type { SqliteKit } from './kit';
import { INSERT_PROJECT, projectParams, toProject } from './projects';

interface NeedRow {
  id: string;
  community_id: string;
  unit_id: string;
  unit_path: string;
  kind: string;
  title: string;
  description: string;
  source: string;
  source_id: string | null;
  status: string;
  partner_id: string | null;
  project_id: string | null;
  posted_by: string;
  client_request_id: string;
  created_at: number;
  updated_at: number;
  version: number;
}

const toNeed = (r: NeedRow): Need => ({
  id: r.id,
  communityId: r.community_id,
  unitId: r.unit_id,
  unitPath: r.unit_path,
  kind: r.kind as ResourceKind,
  title: r.title,
  description: r.description,
  source: r.source as NeedSource,
  sourceId: r.source_id,
  status: r.status as NeedStatus,
  partnerId: r.partner_id,
  projectId: r.project_id,
  postedBy: r.posted_by,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function sqliteNeeds(db: Db, { stmt }: SqliteKit): NeedRepo {
  const q = {
    get: db.prepare<[string], NeedRow>('SELECT * FROM needs WHERE id = ?'),
    byRequest: db.prepare<[string, string], NeedRow>('SELECT * FROM needs WHERE posted_by = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO needs (id, community_id, unit_id, unit_path, kind, title, description, source, source_id, status, partner_id, project_id,
         posted_by, client_request_id, created_at, updated_at, version)
       VALUES (@id, @communityId, @unitId, @unitPath, @kind, @title, @description, @source, @sourceId, @status, @partnerId, @projectId,
         @postedBy, @clientRequestId, @createdAt, @updatedAt, @version)`,
    ),
    // Everything but the need's identity: its id, community, poster and request id, its creation.
    update: db.prepare(
      `UPDATE needs SET unit_id = @unitId, unit_path = @unitPath, kind = @kind, title = @title, description = @description, source = @source,
         source_id = @sourceId, status = @status, partner_id = @partnerId, project_id = @projectId, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected`,
    ),
    claim: db.prepare(
      `UPDATE needs SET status = 'claimed', partner_id = @partnerId, project_id = @projectId, updated_at = @at, version = version + 1
       WHERE id = @id AND status = 'open'`,
    ),
    project: db.prepare<[string], { doc: string }>('SELECT doc FROM projects WHERE id = ?'),
    projectByRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM projects WHERE proposed_by = ? AND client_request_id = ?'),
    insertProject: db.prepare(INSERT_PROJECT),
    countPosted: db.prepare<[string, number, number], { n: number }>('SELECT COUNT(*) AS n FROM needs WHERE community_id = ? AND created_at >= ? AND created_at < ?'),
  };

  const claim = db.transaction((needId: string, project: Project, at: number): NeedClaimResult => {
    if (project.needId !== needId) throw new Error(`claim of need ${needId} with project ${project.id} of need ${project.needId}`);
    // A retried claim: its project is there already (and the need with it).
    const earlier = q.project.get(project.id) ?? q.projectByRequest.get(project.proposedBy, project.clientRequestId);
    if (earlier) {
      const p = toProject(earlier);
      if (p.needId !== needId) throw new Error(`project ${p.id} (request ${p.clientRequestId}) is of need ${p.needId}, not ${needId}`);
      const n = q.get.get(needId);
      if (!n) throw new Error(`project ${p.id} names a missing need ${needId}`);
      return { ok: true, need: toNeed(n), project: p };
    }
    const won = q.claim.run({ id: needId, partnerId: project.partnerId, projectId: project.id, at }).changes === 1;
    const r = q.get.get(needId);
    if (!r) return { ok: false, reason: 'not_found' };
    if (!won) return { ok: false, reason: 'not_open', need: toNeed(r) };
    q.insertProject.run(projectParams(project));
    return { ok: true, need: toNeed(r), project };
  });

  const needOf = (id: string) => {
    const r = q.get.get(id);
    return r ? toNeed(r) : null;
  };

  return {
    async insert(n) {
      if (q.insert.run(n).changes === 1) return { need: n, created: true };
      const before = q.byRequest.get(n.postedBy, n.clientRequestId);
      if (!before) throw new Error(`need ${n.id} was refused but no need of ${n.postedBy} has request ${n.clientRequestId}`);
      return { need: toNeed(before), created: false };
    },
    async get(id) {
      return needOf(id);
    },
    async update(next, version) {
      if (q.update.run({ ...next, expected: version }).changes !== 1) return null;
      return needOf(next.id);
    },
    async claim(needId, project, at) {
      return claim.immediate(needId, project, at);
    },
    async list(communityIds, status, limit, offset) {
      const ids = [...new Set(communityIds)];
      if (ids.length === 0) return { needs: [], total: 0 };
      const parts = [`community_id IN (${ids.map(() => '?').join(',')})`];
      const args: unknown[] = [...ids];
      if (status !== null) {
        parts.push('status = ?');
        args.push(status);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM needs WHERE ${where}`).get(...args) as { n: number }).n;
      if (limit <= 0) return { needs: [], total };
      const rows = stmt(`SELECT * FROM needs WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as NeedRow[];
      return { needs: rows.map(toNeed), total };
    },
    async countPosted(communityId, from, to) {
      return q.countPosted.get(communityId, from, to)!.n;
    },
  };
}
