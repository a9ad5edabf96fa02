/**
 * A partner as staff see it: its row in a community's list (members, resources offered, projects open
 * and done with that community, this month's visit) and its detail (the members linked with where
 * they checked in, its resources, its latest visits, and what the caller may do with it).
 */
import { monthKey, type Partner, type PartnerDetail, type PartnerRow, type Project, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';
import { resourceViews, visitViews } from './answers';
import { manages, staffOver } from './scope';
import { standingOf } from './standing';
import { namesFor, partnerRow, type RowFigures } from './views';

/** More than a partner ever offers or a community ever runs: the lists a row counts are read whole. */
export const ALL = 10_000;
const VISITS_SHOWN = 50;

const isOpen = (p: Project) => p.status === 'proposed' || p.status === 'active';

/** The rows' figures for partners, with one community's projects and visits, or (null) with all of theirs. */
export async function rowFigures(deps: Deps, partners: readonly Partner[], community: Unit | null): Promise<Map<string, RowFigures>> {
  const ids = partners.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const now = deps.clock.now();
  const month = `${monthKey(now)}-01`;
  const [members, offered, projects, lastDays] = await Promise.all([
    deps.store.partners.memberCounts(ids),
    deps.store.partners.resources(ids, 'offered', ALL, 0),
    community ? deps.store.projects.forCommunity(community.id, now + 1) : deps.store.projects.list({ partnerIds: ids }, ALL, 0).then((r) => r.projects),
    community ? deps.store.partnerVisits.lastDays(community.id, ids) : lastVisitDays(deps, ids),
  ]);
  return new Map(
    partners.map((p) => {
      const mine = projects.filter((x) => x.partnerId === p.id);
      const last = lastDays.get(p.id) ?? null;
      return [
        p.id,
        {
          members: members.get(p.id) ?? 0,
          resourcesOffered: offered.resources.filter((r) => r.partnerId === p.id).length,
          projectsOpen: mine.filter(isOpen).length,
          projectsDone: mine.filter((x) => x.status === 'done').length,
          lastVisitDay: last,
          visitedThisMonth: last !== null && last >= month,
        },
      ];
    }),
  );
}

async function lastVisitDays(deps: Deps, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const [latest] = (await deps.store.partnerVisits.list({ partnerIds: [id] }, 1, 0)).visits;
    if (latest) out.set(id, latest.day);
  }
  return out;
}

export async function rowsOf(deps: Deps, partners: readonly Partner[], community: Unit | null): Promise<PartnerRow[]> {
  const [figures, n] = await Promise.all([rowFigures(deps, partners, community), namesFor(deps, { unitIds: partners.flatMap((p) => p.communityIds), personIds: partners.map((p) => p.contact.personId) })]);
  return partners.map((p) => partnerRow(p, n, figures.get(p.id)!));
}

/** The compound (or community) a member checked in with, by check-in id. */
async function checkinPlaces(deps: Deps, checkinIds: readonly string[]): Promise<Map<string, string>> {
  const checkins = (await Promise.all(checkinIds.map((id) => deps.store.checkins.get(id)))).filter((c) => !!c);
  const units = new Map((await deps.store.units.getMany(checkins.map((c) => c!.unitId))).map((u) => [u.id, u.name]));
  return new Map(checkins.map((c) => [c!.id, units.get(c!.unitId) ?? '']));
}

export async function detailOf(ctx: AuthedContext, p: Partner): Promise<PartnerDetail> {
  const { deps } = ctx;
  const [[row], links, resources, visits, over, standing] = await Promise.all([
    rowsOf(deps, [p], null),
    deps.store.partners.members(p.id),
    deps.store.partners.resources([p.id], null, ALL, 0),
    deps.store.partnerVisits.list({ partnerIds: [p.id] }, VISITS_SHOWN, 0),
    staffOver(ctx, p),
    standingOf(ctx),
  ]);
  const [people, places] = await Promise.all([namesFor(deps, { personIds: links.map((l) => l.personId) }), checkinPlaces(deps, links.map((l) => l.checkinId))]);
  const allManaged = (await deps.store.units.getMany(p.communityIds)).every((c) => manages(ctx, c));
  const staff = over.length > 0 && !p.archived;
  return {
    ...row,
    memberList: links.map((l) => ({ person: { id: l.personId, name: people.people.get(l.personId)?.name ?? '（已注销）' }, linkedAt: l.linkedAt, compound: places.get(l.checkinId) ?? '' })),
    resources: await resourceViews(ctx, resources.resources, standing),
    visits: await visitViews(ctx, visits.visits),
    can: { edit: staff, archive: staff && allManaged, link: staff },
  };
}
