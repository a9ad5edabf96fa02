/**
 * What the wishes function shows of a wish. The public view (the open list, the detail for a
 * member who is not named on it) has what is wished, for whom in general words, by when and the
 * compound: never a phone, a door or a name. The whole view adds the people and the building for
 * those named on it and staff; the contact (the lead and their phone, the wisher's phone if they
 * shared it, the door) only for the claimer and staff, once claimed.
 */
import {
  ROLE_LABEL,
  WISH_LEAD_ROLES,
  WISH_STATUS_LABEL,
  ancestorIds,
  doorLabel,
  seesWishContact,
  wishCan,
  type Person,
  type Unit,
  type Wish,
  type WishContact,
  type WishPublicView,
  type WishView,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Caller } from '../define';
import { unitRef } from '../codes/views';
import { photoAddresses } from '../reports/photo-addresses';
import { readsWhole, type WishReader } from './access';

/** The units along the wishes' paths and the people they name, looked up once per answer. */
export interface WishNames {
  units: Map<string, Unit>;
  people: Map<string, Person>;
}

export async function wishNames(deps: Deps, wishes: readonly Wish[], withPeople = true): Promise<WishNames> {
  const unitIds = [...new Set(wishes.flatMap((w) => [...ancestorIds(w.unitPath), w.buildingId]))];
  const personIds = withPeople ? [...new Set(wishes.flatMap((w) => [w.postedBy, w.claimerId, w.leadId, w.wisherId]).filter((id): id is string => !!id))] : [];
  const [units, people] = await Promise.all([deps.store.units.getMany(unitIds), personIds.length ? deps.store.people.getMany(personIds) : Promise.resolve([])]);
  return { units: new Map(units.map((u) => [u.id, u])), people: new Map(people.map((p) => [p.id, p])) };
}

/** The compound the wish is in ("幸福里小区"), or the community when it has none. */
function placeOf(w: Wish, n: WishNames): string {
  const along = ancestorIds(w.unitPath).map((id) => n.units.get(id));
  return along.find((u) => u?.kind === 'compound')?.name ?? along.find((u) => u?.kind === 'community')?.name ?? '本社区';
}

const personRef = (id: string, n: WishNames) => ({ id, name: n.people.get(id)?.name ?? '（已注销）' });

export function publicView(w: Wish, n: WishNames): WishPublicView {
  return { id: w.id, what: w.what, forWhom: w.forWhom, byDate: w.byDate, place: placeOf(w, n), status: w.status, statusLabel: WISH_STATUS_LABEL[w.status], createdAt: w.createdAt };
}

/** The lead's role as the claimer reads it: 楼栋长 of the wish's building, or 网格长 of a grid above it. */
async function leadRoleLabel(deps: Deps, leadId: string, w: Wish): Promise<string> {
  const bindings = await deps.store.bindings.listForPerson(leadId);
  const units = new Map((await deps.store.units.getMany(bindings.map((b) => b.unitId))).map((u) => [u.id, u]));
  for (const role of WISH_LEAD_ROLES) {
    if (bindings.some((b) => b.role === role && w.unitPath.startsWith(units.get(b.unitId)?.path ?? '\u0000'))) return ROLE_LABEL[role];
  }
  return '联系人';
}

async function contactOf(deps: Deps, w: Wish, n: WishNames): Promise<WishContact> {
  const building = n.units.get(w.buildingId);
  const lead = w.leadId ? n.people.get(w.leadId) : undefined;
  return {
    lead: lead ? { id: lead.id, name: lead.name, phone: lead.phone, roleLabel: await leadRoleLabel(deps, lead.id, w) } : null,
    phone: w.phoneShared ? w.phone : null,
    place: [placeOf(w, n), building?.name ?? '', doorLabel(w.door)].filter(Boolean).join(' '),
  };
}

/**
 * The wish as `reader` sees it. `photo` turns a stored photo into what the caller's page loads
 * (wishPhotos). A reader not named on it and not staff gets the public detail in the same shape.
 */
export async function wishView(deps: Deps, w: Wish, n: WishNames, reader: WishReader, photo: (ref: string) => string): Promise<WishView> {
  const whole = readsWhole(reader);
  const building = n.units.get(w.buildingId);
  return {
    ...publicView(w, n),
    version: w.version,
    building: whole && building ? unitRef(building) : null,
    postedVia: w.postedVia,
    postedBy: whole ? personRef(w.postedBy, n) : null,
    contact: seesWishContact(reader.party, reader.approves, w) ? await contactOf(deps, w, n) : null,
    claimer: whole && w.claimerId ? personRef(w.claimerId, n) : null,
    claimedAt: w.claimedAt,
    fulfilNote: whole ? w.fulfilNote : null,
    fulfilPhotos: whole ? w.fulfilPhotos.map(photo) : [],
    fulfilledAt: w.fulfilledAt,
    confirmedAt: w.confirmedAt,
    confirmedByTimer: w.status === 'confirmed' && w.confirmedBy === null,
    points: w.points,
    rejectReason: whole ? w.rejectReason : null,
    can: wishCan(w, reader.party, { claims: reader.claims, approves: reader.approves }),
  };
}

/** Photo addresses for the caller's page: as stored for the mini-program, loadable URLs for a browser. */
export function wishPhotos(deps: Deps, caller: Caller, wishes: readonly Wish[]): Promise<(ref: string) => string> {
  return photoAddresses(deps, caller, wishes.flatMap((w) => w.fulfilPhotos));
}
