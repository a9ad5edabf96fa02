/**
 * Projects (项目清单) on CloudBase: a document per project, `_id` its id.
 *
 * How the invariants hold when requests race:
 * - A retried ask is one project: a guard in `uniques` keyed by hash(proposer, clientRequestId) names
 *   it, added in the same transaction (guards.ts, `insertOnce`). A claimed need's project is added
 *   with the same guard inside the need's claim transaction (needs.ts).
 * - update writes the project where `_id` and `version` are the ones read: a second update at the
 *   same version writes nothing. The identity (community, partner, need, resource, who started it,
 *   proposer, request id, creation) is never written.
 */
import type { Project } from '../../../../src/core';
import type { ProjectRepo } from '../port';
import type { CloudbaseKit, Stored, Where } from './kit';
import { insertOnce, requestKey } from './guards';

export interface ProjectDoc extends Stored, Omit<Project, 'id'> {}

/** The kind of a project's request guard (guards.ts, requestKey). */
export const PROJECT_REQUEST = 'project';

export const toProject = ({ _id, ...fields }: ProjectDoc): Project => ({ id: _id, ...fields });
export const projectDoc = ({ id, ...fields }: Project): ProjectDoc => ({ _id: id, ...fields });

export function cloudbaseProjects(kit: CloudbaseKit): ProjectRepo {
  const _ = kit.command;
  const projects = () => kit.coll('projects');
  const get = async (id: string) => {
    const d = await kit.docById<ProjectDoc>('projects', id);
    return d ? toProject(d) : null;
  };

  return {
    async insert(p) {
      const existing = await insertOnce(kit, 'projects', PROJECT_REQUEST, requestKey(PROJECT_REQUEST, p.proposedBy, p.clientRequestId), projectDoc(p));
      return existing ? { project: toProject(existing), created: false } : { project: p, created: true };
    },
    get,
    async update(next, version) {
      const { _id, communityId, partnerId, needId, resourceId, startedBy, proposedBy, clientRequestId, createdAt, ...fields } = projectDoc(next);
      // Lists and the result are replaced whole: a shorter list must not keep the old tail.
      const patch = { ...fields, milestones: _.set(next.milestones), result: next.result === null ? null : _.set(next.result) };
      if ((await kit.update(projects().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async list(pq, limit, offset) {
      // A community's partners (or a person's communities) are tens: one `_.in` list, read in one order.
      const [field, ids] = 'communityIds' in pq ? ['communityId', [...new Set(pq.communityIds)]] : ['partnerId', [...new Set(pq.partnerIds)]];
      if (ids.length === 0) return { projects: [], total: 0 };
      const where: Where = { [field]: _.in(ids) };
      if (pq.status) where.status = pq.status;
      const total = await kit.count(projects().where(where));
      if (limit <= 0) return { projects: [], total };
      const q = projects().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { projects: (await kit.drainBySkip<ProjectDoc>(q, limit, offset)).map(toProject), total };
    },
    async forCommunity(communityId, to) {
      const q = projects().where({ communityId, createdAt: _.lt(to) }).orderBy('createdAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<ProjectDoc>(q)).map(toProject);
    },
  };
}
