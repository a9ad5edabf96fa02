/**
 * The community's needs (需求清单) on CloudBase: a document per need, `_id` its id.
 *
 * How the invariants hold when requests race:
 * - A retried post is one need: a guard in `uniques` keyed by hash(poster, clientRequestId) names it,
 *   added in the same transaction (guards.ts, `insertOnce`).
 * - One claimer: a claim is one transaction that reads the project's `_id` and its request guard (a
 *   retried claim finds them and answers them as they are), then the need, and refuses unless the
 *   need is open; otherwise it writes the need (claimed by the project's partner), the project and its
 *   guard. Every claim of a need writes the need's document, so of any number at once the database
 *   commits one and re-runs the others, which find the need claimed and write nothing. A versioned
 *   update landing outside the transaction meanwhile aborts it too, and its re-run decides again.
 *   The callback has no side effects and writes the same `_id`s each time it runs.
 * - update writes the need where `_id` and `version` are the ones read.
 */
import type { Need, Project } from '../../../../src/core';
import type { NeedClaimResult, NeedRepo } from '../port';
import type { CloudbaseKit, Stored, Where } from './kit';
import { insertOnce, requestKey } from './guards';
import { patientTransaction } from './points';
import { PROJECT_REQUEST, projectDoc, toProject, type ProjectDoc } from './projects';

export interface NeedDoc extends Stored, Omit<Need, 'id'> {}

interface ProjectGuard extends Stored {
  kind: string;
  id: string;
}

const toNeed = ({ _id, ...fields }: NeedDoc): Need => ({ id: _id, ...fields });
const needDoc = ({ id, ...fields }: Need): NeedDoc => ({ _id: id, ...fields });

export function cloudbaseNeeds(kit: CloudbaseKit): NeedRepo {
  const _ = kit.command;
  const needs = () => kit.coll('needs');
  const get = async (id: string) => {
    const d = await kit.docById<NeedDoc>('needs', id);
    return d ? toNeed(d) : null;
  };

  return {
    async insert(n) {
      const existing = await insertOnce(kit, 'needs', 'need', requestKey('need', n.postedBy, n.clientRequestId), needDoc(n));
      return existing ? { need: toNeed(existing), created: false } : { need: n, created: true };
    },
    get,
    async update(next, version) {
      // Everything but the need's identity: its id, community, poster and request id, its creation.
      const { _id, communityId, postedBy, clientRequestId, createdAt, ...patch } = needDoc(next);
      if ((await kit.update(needs().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async claim(needId: string, project: Project, at: number) {
      if (project.needId !== needId) throw new Error(`claim of need ${needId} with project ${project.id} of need ${project.needId}`);
      const key = requestKey(PROJECT_REQUEST, project.proposedBy, project.clientRequestId);
      return patientTransaction(kit, async (t): Promise<NeedClaimResult> => {
        // A retried claim: its project is there already (and the need with it), in this snapshot.
        const guard = await t.get<ProjectGuard>('uniques', key);
        const earlier = (await t.get<ProjectDoc>('projects', project.id)) ?? (guard ? await t.get<ProjectDoc>('projects', guard.id) : null);
        if (earlier) {
          const p = toProject(earlier);
          if (p.needId !== needId) throw new Error(`project ${p.id} (request ${p.clientRequestId}) is of need ${p.needId}, not ${needId}`);
          const n = await t.get<NeedDoc>('needs', needId);
          if (!n) throw new Error(`project ${p.id} names a missing need ${needId}`);
          return { ok: true, need: toNeed(n), project: p };
        }
        const d = await t.get<NeedDoc>('needs', needId);
        if (!d) return { ok: false, reason: 'not_found' };
        const before = toNeed(d);
        if (before.status !== 'open') return { ok: false, reason: 'not_open', need: before };
        const after: Need = { ...before, status: 'claimed', partnerId: project.partnerId, projectId: project.id, updatedAt: at, version: before.version + 1 };
        await t.update('needs', needId, { status: after.status, partnerId: after.partnerId, projectId: after.projectId, updatedAt: at, version: after.version });
        const held: ProjectGuard = { _id: key, kind: PROJECT_REQUEST, id: project.id };
        await t.add('uniques', held);
        await t.add('projects', projectDoc(project));
        return { ok: true, need: after, project };
      });
    },
    async list(communityIds, status, limit, offset) {
      // A person's communities are a few: one `_.in` list, read in one order.
      const ids = [...new Set(communityIds)];
      if (ids.length === 0) return { needs: [], total: 0 };
      const where: Where = { communityId: _.in(ids) };
      if (status !== null) where.status = status;
      const total = await kit.count(needs().where(where));
      if (limit <= 0) return { needs: [], total };
      const q = needs().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { needs: (await kit.drainBySkip<NeedDoc>(q, limit, offset)).map(toNeed), total };
    },
    async countPosted(communityId, from, to) {
      return kit.count(needs().where({ communityId, createdAt: _.gte(from).and(_.lt(to)) }));
    },
  };
}
