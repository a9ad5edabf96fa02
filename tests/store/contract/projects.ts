import type { Project, ProjectStatus } from '../../../src/core';
import type { ProjectQuery, Store } from '../../../cloudfunctions/lib/store/port';
import { project } from '../../support/factories';
import type { ContractContext } from './context';

const C1 = 'unit_c1';
const C2 = 'unit_c2';

export function projectsContract(ctx: ContractContext) {
  describe('projects', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('inserts a project asked for a resource and gets it back; a retried ask answers the first and writes nothing', async () => {
      const p = project(C1, 'ptn_a', { resourceId: 'res_a' });
      expect(await store.projects.insert(p)).toEqual({ project: p, created: true });
      expect(await store.projects.get(p.id)).toEqual(p);
      expect(await store.projects.insert({ ...p, id: 'prj_retry', title: '再来一次' })).toEqual({ project: p, created: false });
      expect(await store.projects.get('prj_retry')).toBeNull();
      const other = { ...p, id: 'prj_other', proposedBy: 'per_staff2' };
      expect(await store.projects.insert(other)).toEqual({ project: other, created: true });
      expect(await store.projects.get('prj_missing')).toBeNull();
    });

    it('RACE: of 20 retries of one ask at once, one project is written and every retry answers it', async () => {
      const first = project(C1, 'ptn_a', { resourceId: 'res_a' });
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.projects.insert({ ...first, id: `prj_race${i}` })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)!.project;
      for (const r of results) expect(r.project).toEqual(winner);
      expect(await store.projects.list({ communityIds: [C1] }, 100, 0)).toEqual({ projects: [winner], total: 1 });
    }, 60_000);

    it('writes the project at the version read, lists and result replaced whole, its identity kept; a stale version writes nothing', async () => {
      const p = project(C1, 'ptn_a', { resourceId: 'res_a' });
      await store.projects.insert(p);
      const active: Project = {
        ...p,
        status: 'active',
        partnerOwnerId: 'per_contact',
        decidedBy: 'per_contact',
        decidedAt: 21_000,
        milestones: [
          { id: 'm1', title: '场地布置', dueOn: '2026-12-10', doneAt: null, doneBy: null },
          { id: 'm2', title: '第一次活动', dueOn: '2026-12-20', doneAt: null, doneBy: null },
        ],
        updatedAt: 21_000,
        version: 2,
      };
      const tampered = { ...active, communityId: C2, partnerId: 'ptn_x', needId: 'ned_x', resourceId: null, startedBy: 'partner' as const, proposedBy: 'per_x', clientRequestId: 'req-x', createdAt: 1 };
      expect(await store.projects.update(tampered, 1)).toEqual(active);
      expect(await store.projects.get(p.id)).toEqual(active);
      expect(await store.projects.update({ ...p, version: 2 }, 1)).toBeNull();
      const done: Project = {
        ...active,
        status: 'done',
        milestones: [{ ...active.milestones[0], doneAt: 22_000, doneBy: 'per_staff' }],
        result: { text: '活动办了 3 场，120 人次参加', photos: ['projects/a.jpg', 'projects/b.jpg'] },
        closedBy: 'per_staff',
        closedAt: 23_000,
        updatedAt: 23_000,
        version: 3,
      };
      expect(await store.projects.update(done, 2)).toEqual(done);
      expect(await store.projects.get(p.id)).toEqual(done);
      const fewer: Project = { ...done, result: { text: '改', photos: ['projects/c.jpg'] }, milestones: [], version: 4 };
      expect(await store.projects.update(fewer, 3)).toEqual(fewer);
      expect(await store.projects.get(p.id)).toEqual(fewer);
      expect(await store.projects.update(project(C1, 'ptn_a', { id: 'prj_missing', version: 2 }), 1)).toBeNull();
    });

    it('RACE: of an accept and a decline at one version at once, one writes', async () => {
      const p = project(C1, 'ptn_a', { resourceId: 'res_a' });
      await store.projects.insert(p);
      const [a, b] = await Promise.all([
        store.projects.update({ ...p, status: 'active', decidedBy: 'per_contact', decidedAt: 21_000, version: 2 }, 1),
        store.projects.update({ ...p, status: 'declined', reason: '人手不够', decidedBy: 'per_contact', decidedAt: 21_000, version: 2 }, 1),
      ]);
      expect([a, b].filter((x) => x !== null)).toHaveLength(1);
      expect(await store.projects.get(p.id)).toEqual(a ?? b);
    });

    it("lists some communities' or partners' projects newest first, of a status, with a total whatever the page", async () => {
      const ps = [
        project(C1, 'ptn_a', { createdAt: 1_000 }),
        project(C1, 'ptn_b', { createdAt: 3_000, status: 'active' }),
        project(C2, 'ptn_a', { createdAt: 2_000, status: 'active' }),
        project(C1, 'ptn_a', { createdAt: 4_000, status: 'done' }),
        project(C2, 'ptn_c', { createdAt: 3_000 }),
      ];
      for (const p of ps) await store.projects.insert(p);
      const ids = async (q: ProjectQuery, limit = 100, offset = 0) => {
        const got = await store.projects.list(q, limit, offset);
        return { ids: got.projects.map((p) => p.id), total: got.total };
      };
      const [t3a, t3b] = [ps[1].id, ps[4].id].sort().reverse();
      expect(await ids({ communityIds: [C1] })).toEqual({ ids: [ps[3].id, ps[1].id, ps[0].id], total: 3 });
      expect(await ids({ communityIds: [C1, C2] }, 2, 1)).toEqual({ ids: [t3a, t3b], total: 5 });
      expect(await ids({ communityIds: [C1, C2], status: 'active' as ProjectStatus })).toEqual({ ids: [ps[1].id, ps[2].id], total: 2 });
      expect(await ids({ communityIds: [C1], status: null })).toEqual({ ids: [ps[3].id, ps[1].id, ps[0].id], total: 3 });
      expect(await ids({ partnerIds: ['ptn_a'] })).toEqual({ ids: [ps[3].id, ps[2].id, ps[0].id], total: 3 });
      expect(await ids({ partnerIds: ['ptn_a', 'ptn_c'], status: 'proposed' })).toEqual({ ids: [ps[4].id, ps[0].id], total: 2 });
      expect(await ids({ partnerIds: ['ptn_a'] }, 0, 0)).toEqual({ ids: [], total: 3 });
      expect(await ids({ partnerIds: [] })).toEqual({ ids: [], total: 0 });
      expect(await ids({ communityIds: [] })).toEqual({ ids: [], total: 0 });
    });

    it("gives every project of a community created before a time, for the year's figures", async () => {
      const ps = [
        project(C1, 'ptn_a', { createdAt: 1_000, status: 'done' }),
        project(C1, 'ptn_b', { createdAt: 5_000, status: 'cancelled' }),
        project(C1, 'ptn_a', { createdAt: 9_000 }),
        project(C2, 'ptn_a', { createdAt: 2_000 }),
      ];
      for (const p of ps) await store.projects.insert(p);
      const sorted = (xs: Project[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(sorted(await store.projects.forCommunity(C1, 9_000))).toEqual(sorted([ps[0], ps[1]]));
      expect(sorted(await store.projects.forCommunity(C1, 9_001))).toEqual(sorted([ps[0], ps[1], ps[2]]));
      expect(await store.projects.forCommunity(C2, 1_000)).toEqual([]);
    });
  });
}
