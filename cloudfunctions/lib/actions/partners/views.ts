/**
 * What the partners function shows: partners, resources, needs, projects and visits as views, with the
 * units, people and partners they name looked up once per answer (Names). What the caller may do with
 * each (`can`) is worked out by the callers (./standing.ts) and passed in.
 */
import {
  NEED_SOURCE_LABEL,
  NEED_STATUS_LABEL,
  PARTNER_KIND_LABEL,
  PROJECT_STATUS_LABEL,
  RESOURCE_KIND_LABEL,
  ancestorIds,
  dayKey,
  type MilestoneView,
  type Need,
  type NeedView,
  type Partner,
  type PartnerPersonRef,
  type PartnerRef,
  type PartnerRow,
  type PartnerVisit,
  type PartnerVisitView,
  type Person,
  type Project,
  type ProjectView,
  type Resource,
  type ResourceView,
  type Unit,
  type UnitRef,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { unitRef } from '../codes/views';
import { photoAddresses } from '../reports/photo-addresses';
import type { Caller } from '../define';

export const LEFT_NAME = '（已注销）';

/** The units, people, partners and needs an answer names. */
export interface Names {
  units: Map<string, Unit>;
  people: Map<string, Person>;
  partners: Map<string, Partner>;
  needs: Map<string, Need>;
  resources: Map<string, Resource>;
}

export interface Wanted {
  unitIds?: Iterable<string>;
  /** Units whose path's every unit is wanted (a need's trail). */
  paths?: Iterable<string>;
  personIds?: Iterable<string | null>;
  partnerIds?: Iterable<string>;
  needIds?: Iterable<string | null>;
  resourceIds?: Iterable<string | null>;
}

const ids = (xs: Iterable<string | null> | undefined) => [...new Set([...(xs ?? [])].filter((x): x is string => !!x))];

export async function namesFor(deps: Deps, w: Wanted, known: Partial<Names> = {}): Promise<Names> {
  const { store } = deps;
  const unitIds = ids([...(w.unitIds ?? []), ...[...(w.paths ?? [])].flatMap(ancestorIds)]);
  const partnerIds = ids(w.partnerIds).filter((id) => !known.partners?.has(id));
  const needIds = ids(w.needIds).filter((id) => !known.needs?.has(id));
  const resourceIds = ids(w.resourceIds).filter((id) => !known.resources?.has(id));
  const [units, people, partners, needs, resources] = await Promise.all([
    unitIds.length ? store.units.getMany(unitIds) : Promise.resolve([]),
    ids(w.personIds).length ? store.people.getMany(ids(w.personIds)) : Promise.resolve([]),
    Promise.all(partnerIds.map((id) => store.partners.get(id))),
    Promise.all(needIds.map((id) => store.needs.get(id))),
    Promise.all(resourceIds.map((id) => store.partners.getResource(id))),
  ]);
  const present = <T extends { id: string }>(xs: (T | null)[]) => xs.filter((x): x is T => !!x).map((x) => [x.id, x] as const);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    people: new Map(people.map((p) => [p.id, p])),
    partners: new Map([...(known.partners ?? new Map()), ...present(partners)]),
    needs: new Map([...(known.needs ?? new Map()), ...present(needs)]),
    resources: new Map([...(known.resources ?? new Map()), ...present(resources)]),
  };
}

export const partnerRef = (p: Pick<Partner, 'id' | 'name' | 'kind'>): PartnerRef => ({ id: p.id, name: p.name, kind: p.kind, kindLabel: PARTNER_KIND_LABEL[p.kind] });

const MISSING_PARTNER = (id: string): PartnerRef => ({ id, name: '（已删除的共建单位）', kind: 'social_org', kindLabel: PARTNER_KIND_LABEL.social_org });
export const partnerRefOf = (id: string, n: Names): PartnerRef => {
  const p = n.partners.get(id);
  return p ? partnerRef(p) : MISSING_PARTNER(id);
};

export const personRef = (id: string | null, n: Names): PartnerPersonRef | null => (id ? { id, name: n.people.get(id)?.name ?? LEFT_NAME } : null);

export const unitRefOf = (id: string, n: Names): UnitRef => {
  const u = n.units.get(id);
  return u ? unitRef(u) : { id, name: '（已删除）', kind: 'community', path: '' };
};

/** "幸福里小区 / 3号楼": the places below the community down to the unit; the community's own name for itself. */
export function trailOf(unitPath: string, communityId: string, n: Names): string {
  const along = ancestorIds(unitPath);
  const below = along.slice(along.indexOf(communityId) + 1).map((id) => n.units.get(id)?.name ?? '');
  return below.filter(Boolean).join(' / ') || n.units.get(communityId)?.name || '';
}

export function resourceView(r: Resource, n: Names, can: ResourceView['can']): ResourceView {
  return {
    id: r.id,
    version: r.version,
    partner: partnerRefOf(r.partnerId, n),
    kind: r.kind,
    kindLabel: RESOURCE_KIND_LABEL[r.kind],
    title: r.title,
    description: r.description,
    amount: r.amount,
    availability: r.availability,
    status: r.status,
    createdAt: r.createdAt,
    can,
  };
}

export function needView(x: Need, n: Names, can: NeedView['can']): NeedView {
  return {
    id: x.id,
    version: x.version,
    community: unitRefOf(x.communityId, n),
    unit: unitRefOf(x.unitId, n),
    trail: trailOf(x.unitPath, x.communityId, n),
    kind: x.kind,
    kindLabel: RESOURCE_KIND_LABEL[x.kind],
    title: x.title,
    description: x.description,
    source: x.source,
    sourceLabel: NEED_SOURCE_LABEL[x.source],
    sourceId: x.sourceId,
    status: x.status,
    statusLabel: NEED_STATUS_LABEL[x.status],
    partner: x.partnerId ? partnerRefOf(x.partnerId, n) : null,
    projectId: x.projectId,
    createdAt: x.createdAt,
    can,
  };
}

export function milestoneViews(p: Project, n: Names, today: string): MilestoneView[] {
  return p.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneAt: m.doneAt, doneBy: personRef(m.doneBy, n), late: m.doneAt === null && m.dueOn < today }));
}

export function projectView(p: Project, n: Names, can: ProjectView['can'], photo: (ref: string) => string, now: number): ProjectView {
  const need = p.needId ? n.needs.get(p.needId) : undefined;
  const resource = p.resourceId ? n.resources.get(p.resourceId) : undefined;
  return {
    id: p.id,
    version: p.version,
    community: unitRefOf(p.communityId, n),
    partner: partnerRefOf(p.partnerId, n),
    need: p.needId ? { id: p.needId, title: need?.title ?? p.title } : null,
    resource: p.resourceId ? { id: p.resourceId, title: resource?.title ?? p.title } : null,
    title: p.title,
    startedBy: p.startedBy,
    startedByLabel: p.startedBy === 'community' ? '社区发起' : '共建单位认领',
    status: p.status,
    statusLabel: PROJECT_STATUS_LABEL[p.status],
    communityOwner: personRef(p.communityOwnerId, n),
    partnerOwner: personRef(p.partnerOwnerId, n),
    milestones: milestoneViews(p, n, dayKey(now)),
    result: p.result ? { text: p.result.text, photos: p.result.photos.map(photo) } : null,
    note: p.note ?? null,
    reason: p.reason,
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    closedAt: p.closedAt,
    can,
  };
}

export function visitView(v: PartnerVisit, n: Names): PartnerVisitView {
  const need = v.needId ? n.needs.get(v.needId) : undefined;
  return {
    id: v.id,
    partner: partnerRefOf(v.partnerId, n),
    community: unitRefOf(v.communityId, n),
    day: v.day,
    met: v.met,
    raised: v.raised,
    feedback: v.feedback,
    by: personRef(v.by, n)!,
    need: v.needId ? { id: v.needId, title: need?.title ?? '' } : null,
    report: v.reportId ? { id: v.reportId } : null,
    createdAt: v.createdAt,
  };
}

/** The counts a partner's row shows. */
export interface RowFigures {
  members: number;
  resourcesOffered: number;
  projectsOpen: number;
  projectsDone: number;
  lastVisitDay: string | null;
  visitedThisMonth: boolean;
}

export function partnerRow(p: Partner, n: Names, f: RowFigures): PartnerRow {
  return {
    ...partnerRef(p),
    version: p.version,
    address: p.address,
    contact: { name: p.contact.name, phone: p.contact.phone, person: personRef(p.contact.personId, n) },
    communities: p.communityIds.filter((id) => n.units.has(id)).map((id) => unitRefOf(id, n)),
    agreement: { signedOn: p.agreement.signedOn, terms: p.agreement.terms, until: p.agreement.until },
    archived: p.archived,
    ...f,
  };
}

/** Photo addresses for the caller's page (as stored for the mini-program, loadable URLs for a browser). */
export function projectPhotos(deps: Deps, caller: Caller, projects: readonly Project[]): Promise<(ref: string) => string> {
  return photoAddresses(deps, caller, projects.flatMap((p) => p.result?.photos ?? []));
}
