/**
 * How a check-in reads (CheckinView): to its member in 我的报到 with the phone masked (as a
 * registration's: a shared phone shows it to whoever holds it), and to approvers and the roster's
 * readers with the phone whole. The units and people the views name are looked up once per answer.
 */
import {
  CHECKIN_STATUS_LABEL,
  MEMBER_TYPE_LABEL,
  ancestorIds,
  doorLabel,
  endedOn,
  maskPhone,
  type Checkin,
  type CheckinView,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf, unitRef } from '../codes/views';

export interface CheckinNames {
  /** The check-ins' units and household buildings, and every unit above them. */
  units: Map<string, Unit>;
  people: Map<string, { id: string; name: string }>;
}

/** The names the check-ins' views need; `known`: units the caller has read already. */
export async function checkinNames(deps: Deps, checkins: readonly Checkin[], known: readonly Unit[] = []): Promise<CheckinNames> {
  const units = new Map(known.map((u) => [u.id, u]));
  const own = [...new Set(checkins.flatMap((c) => [c.unitId, ...(c.household ? [c.household.buildingId] : [])]))].filter((id) => !units.has(id));
  for (const u of own.length ? await deps.store.units.getMany(own) : []) units.set(u.id, u);
  // Above where each unit is now (it may have moved), or was when checked in if it is gone.
  const paths = [...checkins.map((c) => units.get(c.unitId)?.path ?? c.unitPath), ...[...units.values()].map((u) => u.path)];
  const above = [...new Set(paths.flatMap(ancestorIds))].filter((id) => !units.has(id));
  const personIds = new Set<string>();
  for (const c of checkins) {
    if (c.personId) personIds.add(c.personId);
    for (const h of c.history) if (h.by) personIds.add(h.by);
  }
  const [more, people] = await Promise.all([above.length ? deps.store.units.getMany(above) : [], personIds.size ? deps.store.people.getMany([...personIds]) : []]);
  for (const u of more) units.set(u.id, u);
  return { units, people: new Map(people.map((p) => [p.id, { id: p.id, name: p.name }])) };
}

/** The check-in's unit as it is now; as it was when checked in if it is gone. */
export function unitOfCheckin(c: Checkin, units: ReadonlyMap<string, Unit>): Pick<Unit, 'id' | 'name' | 'kind' | 'path'> {
  return units.get(c.unitId) ?? { id: c.unitId, name: '', kind: 'compound', path: c.unitPath };
}

/** `phone`: masked for the member's own screen, whole for approvers and the roster. */
export function checkinView(c: Checkin, names: CheckinNames, phone: 'masked' | 'whole'): CheckinView {
  const unit = unitOfCheckin(c, names.units);
  const building = c.household ? names.units.get(c.household.buildingId) : undefined;
  return {
    id: c.id,
    status: c.status,
    statusLabel: CHECKIN_STATUS_LABEL[c.status],
    unit: unitRef(unit),
    trail: trailOf(unit, names.units),
    codeId: c.codeId,
    name: c.name,
    phone: phone === 'whole' ? c.phone : (maskPhone(c.phone) ?? ''),
    phoneVerified: c.phoneVerified,
    memberType: c.memberType,
    memberTypeLabel: MEMBER_TYPE_LABEL[c.memberType],
    veteran: c.veteran,
    branch: c.branch,
    workUnit: c.workUnit,
    skills: c.skills,
    services: c.services,
    freeTime: c.freeTime,
    household: c.household
      ? {
          building: unitRef(building ?? { id: c.household.buildingId, name: '', kind: 'building', path: '' }),
          trail: building ? trailOf(building, names.units) : '',
          door: c.household.door,
          doorLabel: doorLabel(c.household.door),
        }
      : null,
    person: c.personId ? (names.people.get(c.personId) ?? null) : null,
    reason: c.reason,
    endedOn: endedOn(c),
    history: c.history.map((h) => ({
      status: h.status,
      statusLabel: CHECKIN_STATUS_LABEL[h.status],
      at: h.at,
      date: h.date,
      reason: h.reason,
      by: h.by ? (names.people.get(h.by) ?? null) : null,
    })),
    createdAt: c.createdAt,
    decidedAt: c.decidedAt,
    version: c.version,
  };
}

/** Newest first, each once: one member's check-ins read through more than one way in. */
export function newestFirst(lists: readonly (readonly Checkin[])[]): Checkin[] {
  const byId = new Map<string, Checkin>();
  for (const list of lists) for (const c of list) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
