/**
 * Figures for the year-end review (年终考评), per community and per partner, for one year: resources on
 * offer (offered by the year's end and not withdrawn), needs met and projects done in the year (by the
 * day the community closed them), projects open now, visits in the year, members linked; and the
 * partners that have not visited this month (the current year only). Archived partners count when they
 * did anything in the year.
 */
import { monthKey, monthStartOf, type PartnerFigures, type PartnerFiguresView, type Partner, type PartnerVisit, type Project, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import type { Deps } from '../../deps';
import { unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { ALL } from './rows';
import { staffCommunity } from './scope';
import { partnerRef } from './views';

/** The figures and what they were counted from (the export lists the projects and visits too). */
export interface YearFigures {
  view: PartnerFiguresView;
  partners: Partner[];
  projects: Project[];
  visits: PartnerVisit[];
}

const zero = (): PartnerFigures => ({ resourcesOffered: 0, needsMet: 0, projectsOpen: 0, projectsDone: 0, visits: 0, membersLinked: 0 });
const any = (f: PartnerFigures) => Object.values(f).some((x) => x > 0);

export async function yearFigures(deps: Deps, community: Unit, year: number): Promise<YearFigures> {
  const { store } = deps;
  const now = deps.clock.now();
  const from = monthStartOf(year, 1);
  const to = monthStartOf(year + 1, 1);
  const inYear = (t: number | null) => t !== null && t >= from && t < to;
  const all = await store.partners.forCommunity(community.id, true);
  const ids = all.map((p) => p.id);
  const [members, offered, projects, visits, needsPosted, lastDays] = await Promise.all([
    store.partners.memberCounts(ids),
    ids.length ? store.partners.resources(ids, 'offered', ALL, 0) : Promise.resolve({ resources: [], total: 0 }),
    store.projects.forCommunity(community.id, to),
    store.partnerVisits.list({ communityId: community.id, fromDay: `${year}-01-01`, toDay: `${year}-12-31` }, ALL, 0),
    store.needs.countPosted(community.id, from, to),
    store.partnerVisits.lastDays(community.id, ids),
  ]);
  const figures = new Map(ids.map((id) => [id, zero()]));
  for (const r of offered.resources) if (r.createdAt < to) figures.get(r.partnerId)!.resourcesOffered++;
  for (const p of projects) {
    const f = figures.get(p.partnerId);
    if (!f) continue;
    if (p.status === 'proposed' || p.status === 'active') f.projectsOpen++;
    if (p.status === 'done' && inYear(p.closedAt)) {
      f.projectsDone++;
      if (p.needId) f.needsMet++;
    }
  }
  for (const v of visits.visits) {
    const f = figures.get(v.partnerId);
    if (f) f.visits++;
  }
  for (const [id, n] of members) if (figures.has(id)) figures.get(id)!.membersLinked = n;

  const counted = all.filter((p) => !p.archived || any(figures.get(p.id)!));
  const rows = counted.map((p) => ({ partner: partnerRef(p), ...figures.get(p.id)! }));
  const total = rows.reduce((t, r) => {
    for (const k of Object.keys(t) as (keyof PartnerFigures)[]) t[k] += r[k];
    return t;
  }, zero());
  const thisMonth = monthKey(now);
  const current = thisMonth.startsWith(`${year}-`);
  const notVisitedThisMonth = current ? counted.filter((p) => !p.archived && (lastDays.get(p.id) ?? '') < `${thisMonth}-01`).map(partnerRef) : [];
  return {
    view: { community: unitRef(community), year, total: { ...total, needsPosted, partners: counted.length }, rows, notVisitedThisMonth },
    partners: counted,
    projects: projects.filter((p) => (p.status === 'proposed' || p.status === 'active' || inYear(p.closedAt) || inYear(p.createdAt)) && counted.some((c) => c.id === p.partnerId)),
    visits: visits.visits,
  };
}

export const figures: FunctionDef = {
  figures: personAction(schemas.partners.figures, async (ctx, input) => {
    const community = await staffCommunity(ctx, input.communityId);
    return (await yearFigures(ctx.deps, community, input.year)).view;
  }),
};
